using System.Globalization;
using System.Text.Json;

namespace ParIndex.Silo.Files;

/// <summary>
/// Reads the properties of one JSON object, reporting each missing or mistyped property with where
/// it is (<c>frameworks[0].fields[1]</c>) instead of stopping at the first. Unknown properties are
/// ignored so that files written for later versions still read. A property set to null counts as absent.
/// </summary>
internal sealed class JsonObjectReader(JsonElement element, string path, Action<string, string?> report)
{
    public string Path => path;

    /// <summary>Reports a problem about this object; <paramref name="item"/> is the framework item concerned, if any.</summary>
    public void Problem(string message, string? item = null) =>
        report(path.Length == 0 ? message : $"{message.TrimEnd('.')} ({path}).", item);

    public bool Has(string name) => Find(name) is not null;

    /// <summary>Whether the property is written at all, even as null (for properties where null means something).</summary>
    public bool Declares(string name) => element.TryGetProperty(name, out _);

    private JsonElement? Find(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? String(string name, bool required, string? item = null)
    {
        switch (Find(name))
        {
            case null:
                if (required) Problem($"thiếu thuộc tính \"{name}\".", item);
                return null;
            case { ValueKind: JsonValueKind.String } value:
                var text = value.GetString()!;
                if (required && string.IsNullOrWhiteSpace(text)) Problem($"thuộc tính \"{name}\" trống.", item);
                return text;
            default:
                Problem($"thuộc tính \"{name}\" phải là chuỗi.", item);
                return null;
        }
    }

    /// <summary>
    /// A code of the framework tree. Missing stays empty for the framework's own validation to report
    /// (it names the parent); a number is reported but kept as written, so later checks still make sense.
    /// </summary>
    public string Code(string name = "code")
    {
        switch (Find(name))
        {
            case null: return "";
            case { ValueKind: JsonValueKind.String } value: return value.GetString()!;
            case var value:
                Problem($"thuộc tính \"{name}\" phải là chuỗi (viết \"{value.Value.GetRawText()}\" trong ngoặc kép).");
                return value.Value.GetRawText();
        }
    }

    public int? Int(string name, bool required)
    {
        var value = Find(name);
        if (value is null)
        {
            if (required) Problem($"thiếu thuộc tính \"{name}\".");
            return null;
        }
        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt32(out var number)) return number;
        Problem($"thuộc tính \"{name}\" phải là số nguyên, không phải {value.Value.GetRawText()}.");
        return null;
    }

    public decimal? Decimal(string name, bool required, string? item = null)
    {
        var value = Find(name);
        if (value is null)
        {
            if (required) Problem($"thiếu thuộc tính \"{name}\".", item);
            return null;
        }
        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetDecimal(out var number)) return number;
        Problem($"thuộc tính \"{name}\" phải là số (dấu chấm thập phân), không phải {value.Value.GetRawText()}.", item);
        return null;
    }

    public bool Bool(string name, bool defaultValue, string? item = null)
    {
        var value = Find(name);
        if (value is null) return defaultValue;
        if (value.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.Value.GetBoolean();
        Problem($"thuộc tính \"{name}\" phải là true hoặc false, không phải {value.Value.GetRawText()}.", item);
        return defaultValue;
    }

    public DateOnly? Date(string name)
    {
        var text = String(name, required: false);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Problem($"thuộc tính \"{name}\" \"{text}\" không phải ngày dạng YYYY-MM-DD.");
        return null;
    }

    /// <summary>The objects of an array property; null when absent (reported if required) or not an array.</summary>
    public IReadOnlyList<JsonObjectReader>? Objects(string name, bool required)
    {
        var value = Find(name);
        if (value is null)
        {
            if (required) Problem($"thiếu thuộc tính \"{name}\".");
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Problem($"thuộc tính \"{name}\" phải là mảng [ … ].");
            return null;
        }
        var list = new List<JsonObjectReader>();
        int index = 0;
        foreach (var entry in value.Value.EnumerateArray())
        {
            var at = $"{path}{(path.Length > 0 ? "." : "")}{name}[{index++}]";
            if (entry.ValueKind == JsonValueKind.Object) list.Add(new JsonObjectReader(entry, at, report));
            else report($"phần tử phải là đối tượng {{ … }}, không phải {entry.GetRawText()} ({at}).", null);
        }
        return list;
    }

    public JsonObjectReader? Object(string name)
    {
        var value = Find(name);
        if (value is null) return null;
        var at = $"{path}{(path.Length > 0 ? "." : "")}{name}";
        if (value.Value.ValueKind == JsonValueKind.Object) return new JsonObjectReader(value.Value, at, report);
        Problem($"thuộc tính \"{name}\" phải là đối tượng {{ … }}.");
        return null;
    }

    /// <summary>An array of strings; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var value = Find(name);
        if (value is null) return [];
        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Problem($"thuộc tính \"{name}\" phải là mảng chuỗi [\"…\", …].");
            return [];
        }
        var list = new List<string>();
        foreach (var entry in value.Value.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.String) list.Add(entry.GetString()!);
            else Problem($"thuộc tính \"{name}\" chỉ được chứa chuỗi, không phải {entry.GetRawText()}.");
        }
        return list;
    }
}
