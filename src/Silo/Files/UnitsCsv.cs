using System.Globalization;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Files;

/// <summary>
/// units.csv (docs/formats.md): <c>code,name,type,level,parent_code[,valid_from,valid_to,predecessors]</c>.
/// </summary>
public static class UnitsCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["code", "name", "type", "level", "parent_code"];
    public static readonly IReadOnlyList<string> OptionalColumns = ["valid_from", "valid_to", "predecessors"];

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// Reads every unit of the file and checks each row on its own, codes against each other (a code
    /// with overlapping validity may appear once), against <paramref name="existing"/> (a different
    /// unit already there under the same code and an overlapping period is refused, as import refuses
    /// it), and each level against its parent's, found in the file or in <paramref name="existing"/>.
    /// </summary>
    public static ReadResult<IReadOnlyList<AdministrativeUnit>> Read(TextReader reader, string fileName, UnitDirectory? existing = null)
    {
        var problems = new List<FileProblem>();
        var table = CsvTable.Read(reader, fileName, RequiredColumns, OptionalColumns, problems);
        if (table is null) return ReadResult<IReadOnlyList<AdministrativeUnit>>.Failure(problems);

        var accepted = new List<(AdministrativeUnit Unit, int Line)>();
        var inFile = new Dictionary<string, List<(AdministrativeUnit Unit, int Line)>>(StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var before = (existing?.All ?? []).ToLookup(u => u.Code, StringComparer.Ordinal);

        foreach (var row in table.Rows)
        {
            var code = table.Get(row, "code");
            var count = problems.Count;
            void Problem(string message) => problems.Add(new FileProblem(fileName, row.Line, code.Length > 0 ? code : null, null, message));

            var unit = ParseRow(table, row, code, Problem);
            if (unit is not null)
            {
                foreach (var (other, line) in inFile.GetValueOrDefault(code) ?? [])
                {
                    if (other.OverlapsValidityOf(unit))
                        Problem($"trùng mã và thời gian hiệu lực ({unit.ValidityText}) với dòng {line} ({other.Name}, {other.ValidityText}).");
                }
                foreach (var other in before[code].Where(o => o.OverlapsValidityOf(unit) && !SameUnit(o, unit)))
                    Problem($"{unit.Name} ({unit.ValidityText}) trùng mã và thời gian hiệu lực với đơn vị đã có: {other.Name} ({other.ValidityText}).");
            }
            if (unit is null || problems.Count > count)
            {
                refused.Add(code);
                continue;
            }
            accepted.Add((unit, row.Line));
            if (!inFile.TryGetValue(code, out var versions)) inFile[code] = versions = [];
            versions.Add((unit, row.Line));
        }

        CheckLevels(fileName, existing, accepted, refused, problems);
        return ReadResult<IReadOnlyList<AdministrativeUnit>>.From(
            accepted.Select(a => a.Unit).ToList(), problems.OrderBy(p => p.Line ?? 0).ToList());
    }

    /// <summary>A re-imported unit may be the same one again (the directory then updates it).</summary>
    private static bool SameUnit(AdministrativeUnit a, AdministrativeUnit b) =>
        a.Name == b.Name && a.ParentCode == b.ParentCode && a.Level == b.Level;

    private static AdministrativeUnit? ParseRow(CsvTable table, CsvRow row, string code, Action<string> problem)
    {
        var name = table.Get(row, "name");
        var levelText = table.Get(row, "level");
        var parent = table.Get(row, "parent_code");
        bool ok = true;
        if (code.Length == 0) { problem("mã đơn vị (code) trống."); ok = false; }
        if (name.Length == 0) { problem("tên đơn vị (name) trống."); ok = false; }
        if (!int.TryParse(levelText, NumberStyles.None, CultureInfo.InvariantCulture, out var level))
        {
            problem($"cấp (level) \"{levelText}\" không phải là số nguyên ≥ 0 (0 toàn quốc, 1 tỉnh, …).");
            ok = false;
        }
        var from = Date(table, row, "valid_from", "ngày có hiệu lực", problem, ref ok);
        var to = Date(table, row, "valid_to", "ngày hết hiệu lực", problem, ref ok);
        if (from is { } f && to is { } t && t < f)
        {
            problem($"ngày hết hiệu lực (valid_to) {t.ToString(DateFormat, CultureInfo.InvariantCulture)} trước ngày có hiệu lực (valid_from) {f.ToString(DateFormat, CultureInfo.InvariantCulture)}.");
            ok = false;
        }
        var predecessors = Predecessors(table.Get(row, "predecessors"), problem, ref ok);
        if (!ok) return null;
        return new AdministrativeUnit
        {
            Code = code, Name = name, Type = table.Get(row, "type"), Level = level,
            ParentCode = parent.Length == 0 ? null : parent, ValidFrom = from, ValidTo = to, Predecessors = predecessors,
        };
    }

    private static DateOnly? Date(CsvTable table, CsvRow row, string column, string what, Action<string> problem, ref bool ok)
    {
        var text = table.Get(row, column);
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problem($"{what} ({column}) \"{text}\" không phải ngày dạng YYYY-MM-DD.");
        ok = false;
        return null;
    }

    /// <summary><c>00004;00013;00016:partial</c>: codes separated by ';', each optionally followed by ':partial'.</summary>
    private static IReadOnlyList<Predecessor> Predecessors(string text, Action<string> problem, ref bool ok)
    {
        if (text.Length == 0) return [];
        var list = new List<Predecessor>();
        var bad = new List<string>();
        foreach (var part in text.Split(';').Select(p => p.Trim()))
        {
            var pieces = part.Split(':');
            var code = pieces[0].Trim();
            bool valid = code.Length > 0 && (pieces.Length == 1 || (pieces.Length == 2 && pieces[1].Trim() == "partial"));
            if (!valid) bad.Add(part);
            else if (list.Any(p => p.Code == code)) bad.Add(part + " (lặp lại)");
            else list.Add(new Predecessor(code, pieces.Length == 2));
        }
        if (bad.Count == 0) return list;
        problem($"danh sách đơn vị tiền thân (predecessors) \"{text}\" sai dạng ở: {string.Join(", ", bad.Select(b => $"\"{b}\""))} (đúng dạng: mã;mã:partial).");
        ok = false;
        return [];
    }

    /// <summary>
    /// Level = parent's level + 1 (0 or 1 without a parent), the parent found in this file or among
    /// the existing units. A child of a refused row is not checked: its parent's own problem says enough.
    /// </summary>
    private static void CheckLevels(string fileName, UnitDirectory? existing, List<(AdministrativeUnit Unit, int Line)> accepted,
        HashSet<string> refused, List<FileProblem> problems)
    {
        var directory = new UnitDirectory(existing?.All ?? []);
        foreach (var (unit, _) in accepted) directory.Add(unit); // conflicts were refused above, so this cannot throw
        foreach (var (unit, line) in accepted)
        {
            if (unit.ParentCode is { } parent && refused.Contains(parent)) continue;
            if (directory.CheckLevel(unit) is { } message)
                problems.Add(new FileProblem(fileName, line, unit.Code, null, FileProblem.WithoutDomainPrefix(message, unit.Code, null)));
        }
    }

    /// <summary>Writes units in the same format, every column, so that what is exported reads back unchanged.</summary>
    public static void Write(TextWriter writer, IEnumerable<AdministrativeUnit> units)
    {
        Csv.WriteRecord(writer, RequiredColumns.Concat(OptionalColumns));
        foreach (var u in units)
        {
            Csv.WriteRecord(writer,
            [
                u.Code, u.Name, u.Type, u.Level.ToString(CultureInfo.InvariantCulture), u.ParentCode ?? "",
                u.ValidFrom?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "",
                u.ValidTo?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "",
                string.Join(';', u.Predecessors),
            ]);
        }
    }
}
