using System.Reflection;
using TorchSharp;

namespace Platform.Training.Devices;

/// <summary>What a process asks for when it chooses where to train.</summary>
public enum DevicePreference
{
    /// <summary>The first CUDA device when there is one, otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU, even where CUDA is available (development, tests).</summary>
    Cpu,

    /// <summary>A CUDA device; choosing fails when there is none.</summary>
    Cuda,
}

/// <summary>
/// What this process can train on, as libtorch sees it. A silo advertises this (DESIGN.md decision 6);
/// <see cref="PreferredDeviceType"/> is what <see cref="DevicePreference.Auto"/> picks.
/// </summary>
/// <param name="CudaAvailable">libtorch was built with CUDA and found a usable driver and device.</param>
/// <param name="CudaDeviceCount">Number of CUDA devices libtorch sees (0 without CUDA).</param>
/// <param name="CudnnAvailable">cuDNN can be used (false without CUDA).</param>
/// <param name="NativePackage">The libtorch package this build carries (the TorchNativePackage property).</param>
public sealed record TorchDeviceInventory(bool CudaAvailable, int CudaDeviceCount, bool CudnnAvailable, string NativePackage)
{
    /// <summary>The device type <see cref="DevicePreference.Auto"/> chooses.</summary>
    public DeviceType PreferredDeviceType => CudaAvailable && CudaDeviceCount > 0 ? DeviceType.CUDA : DeviceType.CPU;
}

/// <summary>Chooses the <see cref="torch.Device"/> to train on at run time (DESIGN.md decision 5).</summary>
public static class TorchDevices
{
    /// <summary>Name of the assembly metadata entry written by Platform.Training.csproj.</summary>
    public const string NativePackageMetadataKey = "TorchNativePackage";

    /// <summary>The libtorch package this assembly was built against, e.g. "libtorch-cpu-linux-x64".</summary>
    public static string NativePackage { get; } =
        typeof(TorchDevices).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == NativePackageMetadataKey)?.Value ?? "unknown";

    /// <summary>Asks libtorch what is available. Loads the native libraries on first use.</summary>
    public static TorchDeviceInventory Inventory()
    {
        bool cuda = torch.cuda.is_available();
        return new TorchDeviceInventory(
            CudaAvailable: cuda,
            CudaDeviceCount: cuda ? torch.cuda.device_count() : 0,
            CudnnAvailable: cuda && torch.cuda.is_cudnn_available(),
            NativePackage: NativePackage);
    }

    /// <summary>Chooses a device for <paramref name="preference"/> from what libtorch reports now.</summary>
    public static torch.Device Choose(DevicePreference preference = DevicePreference.Auto) =>
        Choose(Inventory(), preference);

    /// <summary>Chooses a device for <paramref name="preference"/> from <paramref name="inventory"/>.</summary>
    /// <exception cref="InvalidOperationException">CUDA was asked for and there is none.</exception>
    public static torch.Device Choose(TorchDeviceInventory inventory, DevicePreference preference)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        DeviceType type = preference switch
        {
            DevicePreference.Auto => inventory.PreferredDeviceType,
            DevicePreference.Cpu => DeviceType.CPU,
            DevicePreference.Cuda when inventory.PreferredDeviceType == DeviceType.CUDA => DeviceType.CUDA,
            DevicePreference.Cuda => throw new InvalidOperationException(
                $"CUDA was requested but libtorch reports no CUDA device (native package {inventory.NativePackage}, " +
                $"CUDA available: {inventory.CudaAvailable}, devices: {inventory.CudaDeviceCount})."),
            _ => throw new ArgumentOutOfRangeException(nameof(preference), preference, "Unknown device preference."),
        };
        // torch.CUDA would initialise the CUDA backend on the spot; a Device value is only a name.
        return new torch.Device(type, type == DeviceType.CUDA ? 0 : -1);
    }
}
