namespace ParIndex.Web.Exports;

/// <summary>A column of a sheet: its header and its width in characters.</summary>
public sealed record XlsxColumn(string Header, double Width);

/// <summary>A cell's content: text, an integer or a decimal number; empty when all are null.</summary>
public readonly record struct XlsxCell(string? Text, decimal? Number, bool IsInteger)
{
    public static XlsxCell Of(string? text) => new(text, null, false);
    public static XlsxCell Integer(int? value) => new(null, value, true);
    public static XlsxCell Decimal(decimal? value) => new(null, value, false);
}

/// <summary>
/// One table on one sheet, as a decision annex prints it: a title row, a header row, the rows, then notes.
/// Decimal cells show <see cref="Decimals"/> decimals; their stored value keeps its precision.
/// </summary>
public sealed record XlsxSheet(
    string Name, string Title, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows,
    int Decimals, IReadOnlyList<string> Notes);
