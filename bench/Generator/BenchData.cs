using System.Globalization;
using System.Text;
using System.Text.Json;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;

namespace ParIndex.Bench.Generator;

/// <summary>What the generator wrote, and how much of it.</summary>
public sealed record GeneratedData(
    string UnitsFile, string CycleFile, string ScoresFile, string CycleId,
    int Provinces, int Districts, int Communes, int Units, int Groups, int Scorecards, long ItemValues);

/// <summary>
/// The benchmark's data, from the real national list of administrative units (code, name, type, parent):
/// every province's departments (20) and every district's offices (12) added, one cycle with four
/// frameworks of 90 items each, a rank group per province for its departments and one for its districts,
/// a group per district for its communes (a selector, as provinces write it) and one for its offices, and
/// one value per item of every scorecard. Scores come from the seed only: the same seed writes the same
/// files, byte for byte.
/// </summary>
public static class BenchData
{
    public const string CycleId = "par-2024-bench";
    public const int Year = 2024;

    internal static readonly (string Code, string Name, string Type)[] Departments =
    [
        ("VP", "Văn phòng UBND tỉnh", "Văn phòng"), ("SNV", "Sở Nội vụ", "Sở"), ("STP", "Sở Tư pháp", "Sở"),
        ("SKHDT", "Sở Kế hoạch và Đầu tư", "Sở"), ("STC", "Sở Tài chính", "Sở"), ("SCT", "Sở Công Thương", "Sở"),
        ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "Sở"), ("SGTVT", "Sở Giao thông vận tải", "Sở"),
        ("SXD", "Sở Xây dựng", "Sở"), ("STNMT", "Sở Tài nguyên và Môi trường", "Sở"), ("STTTT", "Sở Thông tin và Truyền thông", "Sở"),
        ("SLDTBXH", "Sở Lao động – Thương binh và Xã hội", "Sở"), ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Sở"),
        ("SKHCN", "Sở Khoa học và Công nghệ", "Sở"), ("SGDDT", "Sở Giáo dục và Đào tạo", "Sở"), ("SYT", "Sở Y tế", "Sở"),
        ("SNGV", "Sở Ngoại vụ", "Sở"), ("TTR", "Thanh tra tỉnh", "Thanh tra"), ("BDT", "Ban Dân tộc", "Ban"),
        ("BQLKCN", "Ban Quản lý các khu công nghiệp", "Ban"),
    ];

    internal static readonly (string Code, string Name)[] Offices =
    [
        ("PNV", "Phòng Nội vụ"), ("PTCKH", "Phòng Tài chính – Kế hoạch"), ("PTP", "Phòng Tư pháp"),
        ("VP", "Văn phòng HĐND và UBND"), ("PKTHT", "Phòng Kinh tế và Hạ tầng"), ("PTNMT", "Phòng Tài nguyên và Môi trường"),
        ("PLDTBXH", "Phòng Lao động – Thương binh và Xã hội"), ("PVHTT", "Phòng Văn hóa và Thông tin"),
        ("PGDDT", "Phòng Giáo dục và Đào tạo"), ("PYT", "Phòng Y tế"), ("PNNPTNT", "Phòng Nông nghiệp và Phát triển nông thôn"),
        ("TTR", "Thanh tra huyện"),
    ];

    private static readonly string[] CommuneTypes = ["Xã", "Phường", "Thị trấn"];

    /// <summary>Writes units.csv, cycle.json and scores.csv into <paramref name="folder"/>.</summary>
    /// <param name="province">Only this province (its code), or null for the whole country.</param>
    public static GeneratedData Generate(string unitsSource, string folder, string? province, int seed)
    {
        Directory.CreateDirectory(folder);
        AdministrativeUnit[] source;
        using (var reader = new StreamReader(unitsSource, Encoding.UTF8))
        {
            var read = UnitsCsv.Read(reader, Path.GetFileName(unitsSource));
            if (!read.IsValid) throw new InvalidDataException($"{unitsSource}: {string.Join("; ", read.Problems.Take(5))}");
            source = [.. read.Value];
        }
        var on = new DateOnly(Year, 12, 31);
        var live = source.Where(u => u.IsValidOn(on)).ToArray();
        var provinces = live.Where(u => u.Level == 1 && (province is null || u.Code == province)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        if (provinces.Count == 0) throw new ArgumentException($"No province {province} valid on {on:yyyy-MM-dd} in {unitsSource}.");
        var inScope = provinces.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var districts = live.Where(u => u.Level == 2 && u.ParentCode is { } p && inScope.Contains(p)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var districtCodes = districts.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var communes = live.Where(u => u.Level == 3 && u.ParentCode is { } p && districtCodes.Contains(p)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var communesOf = communes.ToLookup(c => c.ParentCode!, StringComparer.Ordinal);
        var districtsOf = districts.ToLookup(d => d.ParentCode!, StringComparer.Ordinal);

        // Units: the real ones in scope, then the departments and offices, valid as their parent is.
        var departments = provinces.SelectMany(p => Departments.Select(d => new AdministrativeUnit
        {
            Code = $"{p.Code}-{d.Code}", Name = d.Name, Type = d.Type, Level = 2, ParentCode = p.Code, ValidFrom = p.ValidFrom, ValidTo = p.ValidTo,
        })).ToList();
        var offices = districts.SelectMany(d => Offices.Select(o => new AdministrativeUnit
        {
            Code = $"{d.Code}-{o.Code}", Name = o.Name, Type = "Phòng", Level = 3, ParentCode = d.Code, ValidFrom = d.ValidFrom, ValidTo = d.ValidTo,
        })).ToList();
        var unitsFile = Path.Combine(folder, "units.csv");
        using (var writer = new StreamWriter(unitsFile, false, new UTF8Encoding(false)))
            UnitsCsv.Write(writer, provinces.Concat(districts).Concat(communes).Concat(departments).Concat(offices));

        // Frameworks and groups.
        var frameworks = new[] { ("so", "Bộ tiêu chí cấp sở"), ("huyen", "Bộ tiêu chí cấp huyện"), ("xa", "Bộ tiêu chí cấp xã"), ("phong", "Bộ tiêu chí cơ quan chuyên môn cấp huyện") }
            .Select(f => BuildFramework($"{f.Item1}-{Year}", f.Item2, seed)).ToDictionary(f => f.Code, StringComparer.Ordinal);
        var groups = new List<GroupSpec>();
        foreach (var p in provinces)
        {
            groups.Add(new GroupSpec($"so-{p.Code}", $"Sở, ban, ngành — {p.Name}", p.Code, $"so-{Year}", departments.Where(d => d.ParentCode == p.Code).Select(d => d.Code).ToList(), null, ["appraisal", "survey"]));
            var ds = districtsOf[p.Code].Select(d => d.Code).ToList();
            if (ds.Count > 0) groups.Add(new GroupSpec($"huyen-{p.Code}", $"UBND cấp huyện — {p.Name}", p.Code, $"huyen-{Year}", ds, null, ["appraisal", "survey"]));
        }
        foreach (var d in districts)
        {
            if (communesOf[d.Code].Any())
                groups.Add(new GroupSpec($"xa-{d.Code}", $"UBND cấp xã thuộc {d.Name}", d.Code, $"xa-{Year}", null, d.Code, []));
            groups.Add(new GroupSpec($"phong-{d.Code}", $"Cơ quan chuyên môn thuộc UBND {d.Name}", d.Code, $"phong-{Year}", Offices.Select(o => $"{d.Code}-{o.Code}").ToList(), null, []));
        }
        var cycleFile = Path.Combine(folder, "cycle.json");
        using (var stream = File.Create(cycleFile))
            WriteCycle(stream, frameworks.Values, groups);

        // Scores: one value per item of every member's framework.
        var members = new List<(string Unit, Framework Framework)>();
        foreach (var g in groups)
        {
            var codes = g.Units ?? communesOf[g.SelectorParent!].Select(c => c.Code).ToList();
            members.AddRange(codes.Select(c => (c, frameworks[g.Framework])));
        }
        var scoresFile = Path.Combine(folder, "scores.csv");
        long values = 0;
        using (var writer = new StreamWriter(scoresFile, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("unit_code,item_code,kind,value,note\n");
            foreach (var (unit, framework) in members)
                values += WriteScores(writer, unit, framework, seed);
        }

        return new GeneratedData(unitsFile, cycleFile, scoresFile, CycleId, provinces.Count, districts.Count, communes.Count,
            provinces.Count + districts.Count + communes.Count + departments.Count + offices.Count, groups.Count, members.Count, values);
    }

    private sealed record GroupSpec(string Code, string Name, string Assessor, string Framework, List<string>? Units, string? SelectorParent, string[] TieBreakers);

    /// <summary>
    /// 8 fields × 5 criteria, 90 items: fields 1–6 and the first three criteria of field 8 are appraised
    /// (68 points), field 7 comes from the survey (32 points), then one bonus and one penalty criterion.
    /// </summary>
    internal static Framework BuildFramework(string code, string title, int seed)
    {
        var rng = SplitMix.For(seed, code);
        var shape = new List<(int Field, int Criterion, int Items, ItemSource Source)>();
        for (int f = 1, k = 0; f <= 8; f++)
            for (int c = 1; c <= 5; c++, k++)
            {
                var source = f == 7 ? ItemSource.Survey : f == 8 && c == 4 ? ItemSource.Bonus : f == 8 && c == 5 ? ItemSource.Penalty : ItemSource.Appraisal;
                shape.Add((f, c, k % 4 == 0 ? 3 : 2, source));
            }
        var weights = shape.SelectMany(s => Enumerable.Range(1, s.Items).Select(_ => 1 + rng.Next(4))).ToArray();
        decimal[] maxima = new decimal[weights.Length];
        Distribute(ItemSource.Appraisal, 68m);
        Distribute(ItemSource.Survey, 32m);
        for (int i = 0, w = 0; i < shape.Count; w += shape[i].Items, i++)
            if (shape[i].Source is ItemSource.Bonus or ItemSource.Penalty)
                for (int j = 0; j < shape[i].Items; j++) maxima[w + j] = 1m;

        var fields = new List<Field>();
        for (int f = 1, w = 0; f <= 8; f++)
        {
            var criteria = new List<Criterion>();
            foreach (var s in shape.Where(s => s.Field == f))
            {
                var items = Enumerable.Range(1, s.Items)
                    .Select(i => new Item($"{f}.{s.Criterion}.{i}", $"Tiêu chí thành phần {f}.{s.Criterion}.{i}", maxima[w++], s.Source, s.Source == ItemSource.Appraisal))
                    .ToList();
                criteria.Add(new Criterion($"{f}.{s.Criterion}", $"Tiêu chí {f}.{s.Criterion}", items));
            }
            fields.Add(new Field(f.ToString(CultureInfo.InvariantCulture), $"Lĩnh vực {f}", criteria));
        }
        return Framework.Create(code, title, fields);

        void Distribute(ItemSource source, decimal total)
        {
            var slots = new List<int>();
            for (int i = 0, w = 0; i < shape.Count; w += shape[i].Items, i++)
                if (shape[i].Source == source) slots.AddRange(Enumerable.Range(w, shape[i].Items));
            var sum = slots.Sum(i => weights[i]);
            decimal given = 0;
            foreach (var i in slots.SkipLast(1)) given += maxima[i] = Math.Round(total * weights[i] / sum, 2);
            maxima[slots[^1]] = total - given;
        }
    }

    private static long WriteScores(TextWriter writer, string unit, Framework framework, int seed)
    {
        var rng = SplitMix.For(seed, unit);
        var quality = 0.55 + 0.43 * rng.NextDouble();
        long written = 0;
        foreach (var item in framework.Items)
        {
            var r = rng.NextDouble();
            switch (item.Source)
            {
                case ItemSource.Appraisal when r < 0.01:
                    writer.Write($"{unit},{item.Code},not_applicable,,Không phát sinh\n");
                    break;
                case ItemSource.Appraisal:
                    writer.Write($"{unit},{item.Code},appraised,{Fraction(item.Max, quality + (rng.NextDouble() - 0.5) * 0.3, 2)},\n");
                    break;
                case ItemSource.Survey:
                    writer.Write($"{unit},{item.Code},survey,{Fraction(item.Max, quality + (rng.NextDouble() - 0.5) * 0.2, 3)},\n");
                    break;
                case ItemSource.Bonus:
                    writer.Write($"{unit},{item.Code},bonus,{(r < 0.3 ? Fraction(item.Max, rng.NextDouble(), 2) : "0")},\n");
                    break;
                case ItemSource.Penalty:
                    writer.Write($"{unit},{item.Code},penalty,{(r < 0.1 ? Fraction(item.Max, rng.NextDouble(), 2) : "0")},\n");
                    break;
            }
            written++;
        }
        return written;
    }

    /// <summary>A share of the maximum, within [0, max], with at most <paramref name="decimals"/> decimals.</summary>
    internal static string Fraction(decimal max, double share, int decimals)
    {
        var value = Math.Round(max * (decimal)Math.Clamp(share, 0, 1), decimals, MidpointRounding.ToZero);
        return ScoreText.Format(Math.Min(value, max));
    }

    private static void WriteCycle(Stream stream, IEnumerable<Framework> frameworks, IEnumerable<GroupSpec> groups)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("id", CycleId);
        json.WriteNumber("year", Year);
        json.WriteString("kind", "PAR");
        json.WriteString("title", $"Chỉ số cải cách hành chính năm {Year} — dữ liệu đo hiệu năng (điểm giả lập)");
        json.WriteStartArray("previousCycles");
        json.WriteEndArray();
        json.WriteStartArray("frameworks");
        foreach (var f in frameworks)
        {
            json.WriteStartObject();
            json.WriteString("code", f.Code);
            json.WriteString("title", f.Title);
            json.WriteStartArray("fields");
            foreach (var field in f.Fields)
            {
                json.WriteStartObject();
                json.WriteString("code", field.Code);
                json.WriteString("title", field.Title);
                json.WriteStartArray("criteria");
                foreach (var criterion in field.Criteria)
                {
                    json.WriteStartObject();
                    json.WriteString("code", criterion.Code);
                    json.WriteString("title", criterion.Title);
                    json.WriteStartArray("items");
                    foreach (var item in criterion.Items)
                    {
                        json.WriteStartObject();
                        json.WriteString("code", item.Code);
                        json.WriteString("title", item.Title);
                        json.WriteNumber("max", item.Max);
                        json.WriteString("source", item.Source.ToString());
                        json.WriteBoolean("evidenceRequired", item.EvidenceRequired);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("groups");
        foreach (var g in groups)
        {
            json.WriteStartObject();
            json.WriteString("code", g.Code);
            json.WriteString("name", g.Name);
            json.WriteString("assessor", g.Assessor);
            json.WriteString("framework", g.Framework);
            if (g.Units is not null)
            {
                json.WriteStartArray("units");
                foreach (var u in g.Units) json.WriteStringValue(u);
                json.WriteEndArray();
            }
            else
            {
                json.WriteStartObject("selector");
                json.WriteString("parent", g.SelectorParent);
                json.WriteNumber("level", 3);
                json.WriteStartArray("types");
                foreach (var t in CommuneTypes) json.WriteStringValue(t);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteStartArray("tieBreakers");
            foreach (var t in g.TieBreakers) json.WriteStringValue(t);
            json.WriteEndArray();
            json.WriteNumber("displayDecimals", 2);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
