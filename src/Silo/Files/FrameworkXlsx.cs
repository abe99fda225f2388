using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Files;

/// <summary>
/// Reads a framework (Bộ tiêu chí) from the first worksheet of an .xlsx laid out as <see cref="FrameworkLayout"/>. Every bad row is
/// reported at once with its Excel row number and the column at fault; nothing is returned unless the whole sheet is a valid framework.
/// The workbook holds the tree only: the framework's code and title are those of the cycle it goes into.
/// </summary>
public static class FrameworkXlsx
{
    /// <summary>A criterion as read; a refused row stays in place (Refused) so that the rows below it are judged without a cascade of errors.</summary>
    private sealed record CriterionDraft(int Line, string Code, string Title, Item? Scored, bool ScoresItself, bool Refused)
    {
        public List<Item> Items { get; } = [];
        /// <summary>Item rows below it, refused ones included: a criterion whose items were all refused is not also "without items".</summary>
        public int ItemRows { get; set; }
    }

    private sealed record FieldDraft(int Line, string Code, string Title, List<CriterionDraft> Criteria, bool Refused);

    public static ReadResult<Framework> Read(Stream stream, string fileName, string code, string title)
    {
        var problems = new List<FileProblem>();
        var head = new byte[4];
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        bytes.Position = 0;
        if (bytes.Read(head) < 4 || !head.AsSpan().SequenceEqual("PK\x03\x04"u8))
            return ReadResult<Framework>.Failure([XlsxRows.NotAWorkbook(fileName)]);
        bytes.Position = 0;
        var rows = XlsxRows.Read(bytes, fileName, problems);
        if (rows is null) return ReadResult<Framework>.Failure(problems);
        var columns = FrameworkLayout.Columns;
        var table = CsvTable.FromRows(rows, fileName, columns.Where(c => c.Required).Select(c => c.Key).ToList(),
            columns.Where(c => !c.Required).Select(c => c.Key).ToList(), problems);
        if (table is null) return ReadResult<Framework>.Failure(problems);
        if (table.Rows.Count == 0)
            return ReadResult<Framework>.Failure([new FileProblem(fileName, null, null, null, "không có dòng nào dưới dòng tiêu đề: bộ tiêu chí trống.")]);

        var fields = new List<FieldDraft>();
        var seen = new Dictionary<(FrameworkLevel, string), int>();
        foreach (var row in table.Rows) ReadRow(table, row, fileName, fields, seen, problems);
        foreach (var field in fields.Where(f => !f.Refused && f.Criteria.Count == 0))
            problems.Add(Problem(fileName, field.Line, FrameworkLevel.Field, field.Code, "lĩnh vực không có tiêu chí nào ở dưới."));
        foreach (var criterion in fields.SelectMany(f => f.Criteria).Where(c => !c.Refused && !c.ScoresItself && c.ItemRows == 0))
            problems.Add(Problem(fileName, criterion.Line, FrameworkLevel.Criterion, criterion.Code,
                $"tiêu chí không có tiêu chí thành phần ở dưới và không có {Named(FrameworkLayout.Max)}."));
        if (problems.Count > 0) return ReadResult<Framework>.Failure(problems.OrderBy(p => p.Line ?? int.MaxValue).ToList());

        var tree = fields.Select(f => new Field(f.Code, f.Title,
            f.Criteria.Select(c => new Criterion(c.Code, c.Title, c.Scored is { } s ? [s] : c.Items)).ToList())).ToList();
        try
        {
            return ReadResult<Framework>.Success(Framework.Create(code, title, tree));
        }
        catch (DomainValidationException e)
        {
            // What the rows cannot show on their own, such as nothing counting in the maximum.
            return ReadResult<Framework>.Failure(e.Errors.Select(x => new FileProblem(fileName, null, null, null, x)).ToList());
        }
    }

    private static void ReadRow(CsvTable table, CsvRow row, string fileName, List<FieldDraft> fields, Dictionary<(FrameworkLevel, string), int> seen, List<FileProblem> problems)
    {
        string Get(FrameworkColumn c) => table.Get(row, c.Key);
        var code = Get(FrameworkLayout.Code);
        var levelText = Get(FrameworkLayout.Level);
        var errors = new List<string>();
        if (!FrameworkLayout.TryLevel(levelText, out var level))
        {
            errors.Add(levelText.Length == 0 ? $"{Named(FrameworkLayout.Level)} trống."
                : $"{Named(FrameworkLayout.Level)}: \"{levelText}\" không hợp lệ (phải là {string.Join(", ", FrameworkLayout.LevelChoices)}).");
            problems.Add(new FileProblem(fileName, row.Line, null, NullIfEmpty(code), string.Join(" ", errors)));
            return;
        }
        var title = Get(FrameworkLayout.Title);
        if (code.Length == 0) errors.Add($"{Named(FrameworkLayout.Code)} trống.");
        else if (seen.TryGetValue((level, code), out var earlier))
            errors.Add($"{Named(FrameworkLayout.Code)}: mã {code} trùng với dòng {earlier}.");
        if (title.Length == 0) errors.Add($"{Named(FrameworkLayout.Title)} trống.");

        var maxText = Get(FrameworkLayout.Max);
        var sourceText = Get(FrameworkLayout.Source);
        var scoredHere = level == FrameworkLevel.Item || maxText.Length > 0 || sourceText.Length > 0;
        Item? scored = null;
        if (level == FrameworkLevel.Field)
        {
            foreach (var c in FrameworkLayout.Columns.Skip(3).Where(c => Get(c).Length > 0))
                errors.Add($"{Named(c)} phải để trống: lĩnh vực không mang điểm.");
        }
        else if (scoredHere) scored = Scored(code, title, Get, errors);
        else
        {
            foreach (var c in new[] { FrameworkLayout.Evidence, FrameworkLayout.Guide, FrameworkLayout.NotApplicable }.Where(c => Get(c).Length > 0))
                errors.Add($"{Named(c)} phải để trống: tiêu chí có tiêu chí thành phần thì điểm và hướng dẫn ghi ở tiêu chí thành phần.");
        }

        var field = fields.LastOrDefault();
        var criterion = field?.Criteria.LastOrDefault();
        if (level == FrameworkLevel.Criterion && field is null)
            errors.Add("tiêu chí phải nằm dưới một lĩnh vực: chưa có dòng Lĩnh vực nào ở trên.");
        if (level == FrameworkLevel.Item && criterion is null)
            errors.Add("tiêu chí thành phần phải nằm dưới một tiêu chí: chưa có dòng Tiêu chí nào của lĩnh vực này ở trên.");
        else if (level == FrameworkLevel.Item && criterion!.ScoresItself)
            errors.Add($"tiêu chí {criterion.Code} (dòng {criterion.Line}) đã có điểm tối đa nên không có tiêu chí thành phần.");

        // Claimed even by a bad row, so that a later row repeating it is named too.
        if (code.Length > 0) seen.TryAdd((level, code), row.Line);
        // A criterion scored as itself is also an item: its code may not repeat an item's.
        if (errors.Count == 0 && scored is not null && level == FrameworkLevel.Criterion && !seen.TryAdd((FrameworkLevel.Item, code), row.Line))
            errors.Add($"{Named(FrameworkLayout.Code)}: mã {code} trùng với tiêu chí thành phần ở dòng {seen[(FrameworkLevel.Item, code)]}.");
        var refused = errors.Count > 0;
        if (refused) problems.Add(Problem(fileName, row.Line, level, NullIfEmpty(code), string.Join(" ", errors)));
        switch (level)
        {
            case FrameworkLevel.Field: fields.Add(new FieldDraft(row.Line, code, title, [], refused)); break;
            case FrameworkLevel.Criterion when field is not null: field.Criteria.Add(new CriterionDraft(row.Line, code, title, scored, scoredHere, refused)); break;
            case FrameworkLevel.Item when criterion is not null:
                criterion.ItemRows++;
                if (!refused) criterion.Items.Add(scored!);
                break;
        }
    }

    /// <summary>The points of an item, or of a criterion scored as itself; null with the errors added when a cell is wrong.</summary>
    private static Item? Scored(string code, string title, Func<FrameworkColumn, string> get, List<string> errors)
    {
        int before = errors.Count;
        var maxText = get(FrameworkLayout.Max);
        decimal max = 0;
        if (maxText.Length == 0) errors.Add($"{Named(FrameworkLayout.Max)} trống.");
        else if (!FrameworkLayout.TryMax(maxText, out max)) errors.Add($"{Named(FrameworkLayout.Max)}: \"{maxText}\" không phải số (ví dụ 1 hoặc 0.5).");
        else if (max <= 0) errors.Add($"{Named(FrameworkLayout.Max)}: {maxText} phải lớn hơn 0.");
        else if (max != decimal.Round(max, 3)) errors.Add($"{Named(FrameworkLayout.Max)}: {maxText} có quá 3 chữ số thập phân.");

        var sourceText = get(FrameworkLayout.Source);
        ItemSource source = default;
        bool hasSource = sourceText.Length > 0 && FrameworkLayout.TrySource(sourceText, out source);
        if (sourceText.Length == 0) errors.Add($"{Named(FrameworkLayout.Source)} trống.");
        else if (!hasSource)
            errors.Add($"{Named(FrameworkLayout.Source)}: \"{sourceText}\" không hợp lệ (phải là {string.Join(", ", FrameworkLayout.SourceChoices)}).");

        var evidenceText = get(FrameworkLayout.Evidence);
        if (!FrameworkLayout.TryYesNo(evidenceText, out var evidence))
            errors.Add($"{Named(FrameworkLayout.Evidence)}: \"{evidenceText}\" không hợp lệ (phải là {FrameworkLayout.Yes} hoặc {FrameworkLayout.No}).");

        var naText = get(FrameworkLayout.NotApplicable);
        if (!FrameworkLayout.TryYesNo(naText, out var notApplicable))
            errors.Add($"{Named(FrameworkLayout.NotApplicable)}: \"{naText}\" không hợp lệ (phải là {FrameworkLayout.Allowed} hoặc {FrameworkLayout.No}, hoặc để trống).");
        else if (hasSource && notApplicable is { } na && na != FrameworkLayout.MayBeNotApplicable(source))
            errors.Add(na
                ? $"{Named(FrameworkLayout.NotApplicable)}: nguồn điểm {FrameworkLayout.NameOf(source)} không được đánh dấu không phát sinh (chỉ tiêu chí Thẩm định và Điều tra XHH); ghi {FrameworkLayout.No} hoặc để trống."
                : $"{Named(FrameworkLayout.NotApplicable)}: tiêu chí nguồn điểm {FrameworkLayout.NameOf(source)} luôn có thể được thẩm định viên đánh dấu không phát sinh (kèm lý do); ghi {FrameworkLayout.Allowed} hoặc để trống.");

        if (errors.Count > before) return null;
        var guide = get(FrameworkLayout.Guide);
        return new Item(code, title, max, source, evidence ?? false, guide.Length == 0 ? null : guide);
    }

    private static string Named(FrameworkColumn column) => $"cột \"{column.Header}\"";

    /// <summary>Criteria and items are named as "tiêu chí X" like the other files; a field says so in its message.</summary>
    private static FileProblem Problem(string fileName, int line, FrameworkLevel level, string? code, string message) =>
        level == FrameworkLevel.Field
            ? new FileProblem(fileName, line, null, null, code is null ? message : $"lĩnh vực {code}: {message}")
            : new FileProblem(fileName, line, null, code, message);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
