using Platform.Training.Devices;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Devices;

public sealed class TorchDevicesTests
{
    [Fact]
    public void CpuBuildChoosesCpuAndReportsNoCuda()
    {
        // This test project builds with the default TorchNativePackage; only the CPU build resolves here.
        Assert.StartsWith("libtorch-cpu-", TorchDevices.NativePackage, StringComparison.Ordinal);

        TorchDeviceInventory inventory = TorchDevices.Inventory();
        Device device = TorchDevices.Choose();

        Assert.False(inventory.CudaAvailable);
        Assert.Equal(0, inventory.CudaDeviceCount);
        Assert.False(inventory.CudnnAvailable);
        Assert.Equal(DeviceType.CPU, inventory.PreferredDeviceType);
        Assert.Equal(DeviceType.CPU, device.type);

        using var scope = NewDisposeScope();
        Assert.Equal(DeviceType.CPU, ones(2, 2, device: device).device_type);
    }

    [Fact]
    public void AutoPrefersCudaWhenThereIsADevice()
    {
        var withGpu = new TorchDeviceInventory(CudaAvailable: true, CudaDeviceCount: 2, CudnnAvailable: true, "libtorch-cuda-12.8-linux-x64");

        Assert.Equal(DeviceType.CUDA, withGpu.PreferredDeviceType);
        Assert.Equal(DeviceType.CUDA, TorchDevices.Choose(withGpu, DevicePreference.Auto).type);
        Assert.Equal(DeviceType.CUDA, TorchDevices.Choose(withGpu, DevicePreference.Cuda).type);
        Assert.Equal(DeviceType.CPU, TorchDevices.Choose(withGpu, DevicePreference.Cpu).type);
    }

    [Fact]
    public void CudaRequestWithoutDeviceFailsClearly()
    {
        var cpuOnly = new TorchDeviceInventory(CudaAvailable: false, CudaDeviceCount: 0, CudnnAvailable: false, "libtorch-cpu-linux-x64");

        Assert.Equal(DeviceType.CPU, TorchDevices.Choose(cpuOnly, DevicePreference.Auto).type);
        var error = Assert.Throws<InvalidOperationException>(() => TorchDevices.Choose(cpuOnly, DevicePreference.Cuda));
        Assert.Contains("libtorch-cpu-linux-x64", error.Message, StringComparison.Ordinal);
    }
}
