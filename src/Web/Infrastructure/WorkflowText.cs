using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Web.Infrastructure;

/// <summary>The workflow's words as people read them, in Vietnamese.</summary>
public static class WorkflowText
{
    /// <summary>A scorecard's status; with its round, "Đã gửi thẩm định (vòng 2)" once the unit has answered.</summary>
    public static string Status(ScorecardStatus status, int? round = null) => status switch
    {
        ScorecardStatus.Draft => "Dự thảo",
        ScorecardStatus.Submitted => round is { } n ? $"Đã gửi thẩm định (vòng {n})" : "Đã gửi thẩm định",
        ScorecardStatus.Returned => "Bị trả lại để giải trình",
        ScorecardStatus.Appraised => "Đã thẩm định",
        ScorecardStatus.Published => "Đã công bố",
        _ => status.ToString(),
    };

    public static string Status(WorkflowState state) => Status(state.Status, state.Round);

    /// <summary>What the status means for whoever reads the scorecard.</summary>
    public static string Explanation(WorkflowState state) => state.Status switch
    {
        ScorecardStatus.Draft => "Đơn vị đang tự đánh giá: nhập điểm tự chấm, ghi chú và tài liệu kiểm chứng cho từng tiêu chí, lưu nháp, rồi gửi thẩm định.",
        ScorecardStatus.Submitted when state.Round > 1 => "Đơn vị đã giải trình; tổ thẩm định chấm vòng 2 rồi chốt điểm thẩm định.",
        ScorecardStatus.Submitted => "Điểm tự đánh giá đã chốt. Tổ thẩm định chấm từng tiêu chí, có thể trả lại một số tiêu chí kèm câu hỏi.",
        ScorecardStatus.Returned => $"Tổ thẩm định trả lại {state.ReturnedItems.Count} tiêu chí kèm câu hỏi; đơn vị giải trình (có thể sửa điểm tự chấm và bổ sung tài liệu của các tiêu chí này) rồi gửi lại.",
        ScorecardStatus.Appraised => "Điểm thẩm định đã chốt; kết quả chờ công bố.",
        ScorecardStatus.Published => "Kết quả đã công bố theo quyết định; chỉ thay đổi được bằng quyết định điều chỉnh.",
        _ => "",
    };

    /// <summary>A CSS modifier per status (colours in workflow.css).</summary>
    public static string StatusClass(ScorecardStatus status) => "pi-status-" + status.ToString().ToLowerInvariant();

    /// <summary>The steps of the cycle, in order, for the progress line of the work page.</summary>
    public static IReadOnlyList<(string Label, bool Done, bool Current)> Steps(WorkflowState state)
    {
        var position = state.Status switch
        {
            ScorecardStatus.Draft => 0,
            ScorecardStatus.Submitted when state.Round > 1 => 3,
            ScorecardStatus.Submitted => 1,
            ScorecardStatus.Returned => 2,
            ScorecardStatus.Appraised => 4,
            _ => 5,
        };
        string[] labels = ["Tự đánh giá", "Thẩm định vòng 1", "Giải trình", "Thẩm định vòng 2", "Đã thẩm định", "Công bố"];
        return labels.Select((label, i) => (label, i < position || (i == 5 && position == 5), i == position)).ToList();
    }

    /// <summary>An audit row's kind: a value kind as files name it, or a workflow step.</summary>
    public static string AuditKind(string kind) => kind switch
    {
        "submit" => "Gửi thẩm định",
        "return" => "Trả lại để giải trình",
        "answer" => "Gửi giải trình",
        "complete" => "Chốt thẩm định",
        "exception" => "Cho phép nhập sau hạn",
        "evidence" => "Tải lên tài liệu kiểm chứng",
        "deadline" => "Đặt hạn tự đánh giá",
        "import" => "Nhập điểm từ tệp",
        _ when ScoreKinds.TryParse(kind, out var k) => Capitalise(k.VietnameseName()),
        _ => kind,
    };

    /// <summary>"Nhập từ tệp diem.csv (lô #3, SHA-256 9f2c…e1a0, 20.032 dòng)": an import batch as the history names it.</summary>
    public static string ImportBatch(string fileName, long id, string sha256, int rowCount) =>
        $"Nhập từ tệp {fileName} (lô #{id}, SHA-256 {sha256[..8]}…{sha256[^4..]}, {Vn.Count(rowCount)} dòng)";

    /// <summary>Statuses and dates as the audit writes them (old → new of a step, of a deadline), in Vietnamese.</summary>
    public static string AuditValue(string? value)
    {
        if (value is null) return "";
        // A deadline is kept as 2020-12-15: read as 15/12/2020.
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)) return Vn.Date(date);
        if (decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number)) return Vn.Score(number);
        var extended = value.EndsWith(" (gia hạn)", StringComparison.Ordinal);
        var name = extended ? value[..^" (gia hạn)".Length] : value;
        return Enum.TryParse<ScorecardStatus>(name, out var status) ? Status(status) + (extended ? " (gia hạn)" : "") : value;
    }

    public static string Origin(string origin) => origin switch
    {
        "web" => "Trang web",
        "workflow" => "Quy trình",
        "demo" => "Dữ liệu minh họa",
        "cli" => "Dòng lệnh",
        _ when origin.StartsWith("adjust", StringComparison.Ordinal) => "Điều chỉnh " + origin[6..].Trim(),
        _ => origin,
    };

    /// <summary>A role as the people who hold it call it.</summary>
    public static string RoleName(Role role) => role switch
    {
        Role.ProvinceAdmin => "Quản trị cấp tỉnh (Sở Nội vụ)",
        Role.DistrictAdmin => "Quản trị cấp huyện (Phòng Nội vụ)",
        Role.Appraiser => "Thẩm định",
        Role.UnitEditor => "Tự đánh giá của đơn vị",
        Role.Viewer => "Xem kết quả",
        Role.SystemAdmin => "Quản trị hệ thống",
        _ => role.ToString(),
    };

    /// <summary>"Thẩm định — Thành phố Bắc Kạn (nhóm xa-058)": a role over the unit it is granted on, and the groups it is limited to.</summary>
    public static string Grant(RoleGrant grant, string scopeName) =>
        $"{RoleName(grant.Role)} — {scopeName}" + (grant.Groups is { Count: > 0 } groups ? $" (nhóm {string.Join(", ", groups.Order(StringComparer.Ordinal))})" : "");

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
