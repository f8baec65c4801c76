using System.Text.Json.Nodes;

namespace Platform.Plans;

/// <summary>
/// Where a field sits in a plan's JSON form: property names and list positions from the root. <see cref="Text"/> is
/// the path as the editor names fields ("training.epochs", "network.stages[1].kernel").
/// </summary>
public sealed class PlanFieldPath
{
    private readonly object[] _segments;

    private PlanFieldPath(object[] segments, string text)
    {
        _segments = segments;
        Text = text;
    }

    public static PlanFieldPath Root { get; } = new([], "");

    public string Text { get; }

    public PlanFieldPath Key(string key) => new([.. _segments, key], Text.Length == 0 ? key : $"{Text}.{key}");

    public PlanFieldPath Index(int index) => new([.. _segments, index], $"{Text}[{index}]");

    public override string ToString() => Text;

    /// <summary>Writes <paramref name="value"/> at this path, creating the objects and lists on the way.</summary>
    internal void SetIn(JsonObject root, JsonNode? value)
    {
        if (_segments.Length == 0)
            throw new InvalidOperationException("A plan field has a path below the root.");
        JsonNode parent = root;
        for (var i = 0; i < _segments.Length; i++)
        {
            var last = i == _segments.Length - 1;
            var next = last ? null : _segments[i + 1];
            JsonNode? Container() => next is int ? new JsonArray() : new JsonObject();
            switch (_segments[i], parent)
            {
                case (string key, JsonObject o):
                    if (last)
                        o[key] = value;
                    else
                        parent = o[key] ??= Container()!;
                    break;
                case (int index, JsonArray a):
                    while (a.Count <= index)
                        a.Add(null);
                    if (last)
                        a[index] = value;
                    else
                        parent = a[index] ??= Container()!;
                    break;
                default:
                    throw new InvalidOperationException($"The plan field {Text} does not fit the fields written before it.");
            }
        }
    }

    /// <summary>
    /// Removes what <see cref="SetIn"/> wrote for entries absent from the chosen version: null list items, and null
    /// entries of label maps (the only objects a plan keys by number; a label map has no null values).
    /// </summary>
    internal static void DropMissingItems(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(p => p.Value is null && int.TryParse(p.Key, out _)).Select(p => p.Key).ToList())
                    o.Remove(key);
                foreach (var (_, child) in o)
                    DropMissingItems(child);
                break;
            case JsonArray a:
                for (var i = a.Count - 1; i >= 0; i--)
                {
                    if (a[i] is null)
                        a.RemoveAt(i);
                    else
                        DropMissingItems(a[i]);
                }

                break;
        }
    }
}
