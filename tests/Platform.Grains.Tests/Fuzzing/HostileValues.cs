using System.Collections;
using System.Reflection;

namespace Platform.Grains.Tests.Fuzzing;

/// <summary>
/// Values a hostile or careless client could send for a parameter of a given type: oversized, malformed, out of
/// range, path traversal, injection, control and direction-changing characters, undefined enum values, NaN. Records
/// and classes are built through their widest constructor with a hostile value in every field.
/// </summary>
public static class HostileValues
{
    private const int Oversized = 200_000;

    public static IReadOnlyList<string> Strings { get; } =
    [
        "",
        "   ",
        new string('a', Oversized),
        "../../../../etc/passwd",
        "/etc/shadow",
        "..\\..\\Windows\\win.ini",
        "name\0with-nul",
        "<script>alert(1)</script>",
        "'; DROP TABLE projects; --",
        "\u202Eevil.exe",
        "🧠ünïcødé",
        "line\r\nbreak",
        "{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\"}",
        "%2e%2e%2f%2e%2e%2fetc",
    ];

    /// <summary>A plain value of the type, used for every parameter but the one under test.</summary>
    public static object? Benign(Type type, int depth = 0) => type switch
    {
        _ when type == typeof(string) => "fuzz",
        _ when type == typeof(CancellationToken) => CancellationToken.None,
        _ when Nullable.GetUnderlyingType(type) is not null => null,
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
        _ when type.IsPrimitive || type == typeof(decimal) => Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture),
        _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(1),
        _ when type == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch,
        _ when type == typeof(Guid) => Guid.Empty,
        _ when type.IsArray => Array.CreateInstance(type.GetElementType()!, 0),
        _ when Collection(type) is { } collection => collection(0, _ => null),
        _ => Build(type, depth, _ => null),
    };

    /// <summary>The hostile values of a type (empty when the type cannot be made here, e.g. a grain observer).</summary>
    public static IEnumerable<object?> For(Type type, int depth = 0)
    {
        if (depth > 3)
            yield break;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            yield return null;
            foreach (var value in For(underlying, depth))
                yield return value;
            yield break;
        }

        if (type == typeof(string))
        {
            yield return null;
            foreach (var s in Strings)
                yield return s;
        }
        else if (type == typeof(int))
        {
            yield return int.MinValue; yield return -1; yield return 0; yield return int.MaxValue;
        }
        else if (type == typeof(long))
        {
            yield return long.MinValue; yield return -1L; yield return long.MaxValue;
        }
        else if (type == typeof(double))
        {
            yield return double.NaN; yield return double.NegativeInfinity; yield return double.PositiveInfinity; yield return -1.0; yield return 1e308;
        }
        else if (type == typeof(bool))
        {
            yield return true; yield return false;
        }
        else if (type.IsEnum)
        {
            yield return Enum.ToObject(type, 9999);
            yield return Enum.ToObject(type, -1);
        }
        else if (type == typeof(TimeSpan))
        {
            yield return TimeSpan.MinValue; yield return TimeSpan.MaxValue;
        }
        else if (type == typeof(DateTimeOffset))
        {
            yield return DateTimeOffset.MinValue; yield return DateTimeOffset.MaxValue;
        }
        else if (type == typeof(byte[]))
        {
            yield return Array.Empty<byte>();
            yield return "not a spreadsheet"u8.ToArray();
            yield return RandomBytes(2_000_000);
            // A zip archive's signature and nothing else: an importer that trusts the extension meets a broken .xlsx.
            yield return new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0 };
        }
        else if (type.IsArray || Collection(type) is not null)
        {
            yield return null;
            // A list's element, or a dictionary's value (its keys are hostile by themselves).
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[^1];
            var make = type.IsArray ? (n, f) => ArrayOf(element, n, f) : Collection(type)!;
            yield return make(0, _ => null);
            foreach (var value in For(element, depth + 1).Take(6))
                yield return make(3, _ => value);
            yield return make(10_000, i => Benign(element, depth + 1) is string ? $"item{i}" : Benign(element, depth + 1));
        }
        else if (type == typeof(CancellationToken) || typeof(IAddressable).IsAssignableFrom(type) || type.IsInterface || type.IsAbstract)
        {
            yield break;
        }
        else if (!type.IsPrimitive)
        {
            yield return null;
            // One instance per hostile value of each field, the other fields plain.
            var constructor = Widest(type);
            if (constructor is null)
                yield break;
            var parameters = constructor.GetParameters();
            for (var p = 0; p < parameters.Length; p++)
            {
                foreach (var value in For(parameters[p].ParameterType, depth + 1).Take(8))
                {
                    var target = p;
                    var built = Build(type, depth, i => i == target ? new Holder(value) : null);
                    if (built is not null)
                        yield return built;
                }
            }
        }
    }

    private sealed record Holder(object? Value);

    private static ConstructorInfo? Widest(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();

    private static object? Build(Type type, int depth, Func<int, Holder?> overrideAt)
    {
        if (type.IsValueType && type.GetConstructors().Length == 0)
            return Activator.CreateInstance(type);
        var constructor = Widest(type);
        if (constructor is null)
            return null;
        var parameters = constructor.GetParameters();
        var args = parameters.Select((p, i) => overrideAt(i) is { } held ? held.Value
            : p.HasDefaultValue ? p.DefaultValue
            : depth > 3 ? null : Benign(p.ParameterType, depth + 1)).ToArray();
        try
        {
            return constructor.Invoke(args);
        }
        catch (TargetInvocationException)
        {
            return null; // the type refuses the value itself, on the client side: nothing reaches the silo
        }
    }

    /// <summary>A factory for the generic collection interfaces and types grain methods take.</summary>
    private static Func<int, Func<int, object?>, object>? Collection(Type type)
    {
        if (!type.IsGenericType)
            return null;
        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        if (args.Length == 1 && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>)
                                 || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>)))
        {
            return (n, f) =>
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args[0]))!;
                for (var i = 0; i < n; i++)
                    list.Add(f(i));
                return list;
            };
        }

        if (args.Length == 2 && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)))
        {
            return (n, f) =>
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
                var keys = For(args[0]).Where(k => k is not null).Distinct().Take(Math.Max(1, Math.Min(n, 8))).ToList();
                if (n == 0)
                    return dictionary;
                foreach (var key in keys)
                    dictionary[key!] = f(0) ?? Benign(args[1]);
                return dictionary;
            };
        }

        return null;
    }

    private static Array ArrayOf(Type element, int n, Func<int, object?> f)
    {
        var array = Array.CreateInstance(element, n);
        for (var i = 0; i < n; i++)
            array.SetValue(f(i) ?? (element.IsValueType ? Activator.CreateInstance(element) : null), i);
        return array;
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
