using System.Globalization;
using System.Text.Json;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Endpoints;

/// <summary>
/// The body and If-Match of a score write, read by hand so that every way a body can be wrong (not JSON, not an
/// array, a null element, a string for a number, a header that is no version, too many bytes) is named in
/// Vietnamese, all at once, instead of a bare "Bad Request" or a null dereference.
/// </summary>
public static class ScoreRequest
{
    /// <summary>The largest body read: a whole framework's values with long notes fit many times over.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly string[] Fields = ["item", "kind", "value", "note"];

    /// <summary>The entries, or every problem found; <paramref name="tooLarge"/> when the body passes <see cref="MaxBytes"/>.</summary>
    public static async Task<(List<ScoreEndpoints.ScoreInput> Inputs, List<string> Errors, bool TooLarge)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return ([], [TooLargeMessage], true);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        for (int read; (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            if (buffer.Length + read > MaxBytes) return ([], [TooLargeMessage], true);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return ([], ["Thân yêu cầu trống: cần một mảng JSON các giá trị điểm, ví dụ [{\"item\":\"1.1.1\",\"kind\":\"appraised\",\"value\":0.5}]."], false);

        JsonDocument document;
        try { document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 8 }); }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {e.BytePositionInLine + 1})" : "";
            return ([], [$"Thân yêu cầu không phải JSON hợp lệ{where}."], false);
        }
        using (document) return Read(document.RootElement);
    }

    public static string TooLargeMessage => $"Thân yêu cầu vượt quá {MaxBytes / 1024 / 1024} MB: hãy gửi các giá trị điểm thành nhiều lần.";

    private static (List<ScoreEndpoints.ScoreInput>, List<string>, bool) Read(JsonElement root)
    {
        var inputs = new List<ScoreEndpoints.ScoreInput>();
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Array)
            return ([], [$"Thân yêu cầu phải là một mảng JSON các giá trị điểm, không phải {KindName(root.ValueKind)}."], false);
        var n = 0;
        foreach (var element in root.EnumerateArray())
        {
            n++;
            var at = $"Phần tử thứ {n}";
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{at}: phải là một đối tượng {{\"item\", \"kind\", \"value\", \"note\"}}, không phải {KindName(element.ValueKind)}.");
                continue;
            }
            var problems = errors.Count;
            foreach (var property in element.EnumerateObject())
                if (!Fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                    errors.Add($"{at}: không có trường \"{Shorten(property.Name)}\" (chỉ có item, kind, value, note).");
            var item = Text(element, "item", at, required: true, errors);
            var kind = Text(element, "kind", at, required: true, errors);
            var note = Text(element, "note", at, required: false, errors);
            var value = Number(element, at, errors);
            if (errors.Count == problems) inputs.Add(new ScoreEndpoints.ScoreInput(item!, kind!, value, note));
        }
        return (inputs, errors, false);
    }

    private static string? Text(JsonElement element, string name, string at, bool required, List<string> errors)
    {
        if (!TryGet(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add($"{at}: thiếu \"{name}\".");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{at}: \"{name}\" phải là chuỗi, không phải {KindName(value.ValueKind)}.");
            return null;
        }
        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text)) errors.Add($"{at}: \"{name}\" trống.");
        return text;
    }

    private static decimal? Number(JsonElement element, string at, List<string> errors)
    {
        if (!TryGet(element, "value", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{at}: \"value\" phải là số hoặc null, không phải {KindName(value.ValueKind)}.");
            return null;
        }
        var raw = value.GetRawText();
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add($"{at}: \"value\" {Shorten(raw)} không phải điểm hợp lệ.");
            return null;
        }
        // 1e-400 parses as zero: a value with digits beyond the decimal's reach is more decimals than allowed, not 0.
        if (number == 0 && raw.Any(c => c is >= '1' and <= '9') && !IsZeroExponentForm(raw))
        {
            errors.Add($"{at}: \"value\" {Shorten(raw)} có quá {ScoreRules.MaxDecimals} chữ số thập phân.");
            return null;
        }
        return number;
    }

    /// <summary>"0e10" or "0.0E+5" are zeros; "1e-400" is not, whatever decimal makes of it.</summary>
    private static bool IsZeroExponentForm(string raw)
    {
        var mantissa = raw.Split('e', 'E')[0];
        return !mantissa.Any(c => c is >= '1' and <= '9');
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>
    /// The version in an If-Match header ("7", W/"7" or 7); null when absent or "*". Anything else is no version:
    /// a 400 naming the header, not a 409 that would send the writer to reload for nothing.
    /// </summary>
    public static bool TryParseIfMatch(string? header, out string? version)
    {
        version = Etag.Parse(header);
        return version is null || (version.Length is > 0 and <= 18 && version.All(char.IsAsciiDigit));
    }

    public static string BadIfMatch(string header) =>
        $"Header If-Match \"{Shorten(header)}\" không phải là một phiên bản phiếu điểm (ví dụ \"7\", lấy từ ETag của GET /api/cycles/{{cycle}}/units/{{unit}}).";

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "chuỗi",
        JsonValueKind.Number => "số",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Array => "mảng",
        JsonValueKind.Object => "đối tượng",
        _ => "giá trị rỗng",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
