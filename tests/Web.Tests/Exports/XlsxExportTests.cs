using System.Net;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Exports;

public class XlsxExportTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<Workbook> OpenAsync(string cycle, string group)
    {
        var response = await (await app.ReaderAsync()).GetAsync($"/cycles/{cycle}/groups/{group}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Workbook(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_workbook_is_sent_as_an_attachment_with_a_sensible_name()
    {
        var response = await (await app.ReaderAsync()).GetAsync("/cycles/par-2020-06/groups/so/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("xep-hang-par-2020-06-so.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task The_workbook_is_valid_Open_XML()
    {
        using var workbook = await OpenAsync("par-2020-06", "so");
        Assert.Empty(workbook.ValidationErrors.Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public async Task A_title_row_then_the_bold_header_frozen_in_view()
    {
        using var workbook = await OpenAsync("par-2020-06", "so");

        var title = Workbook.Text(workbook.Row(1).Elements<Cell>().First());
        Assert.Equal("Kết quả Chỉ số cải cách hành chính năm 2020 — tỉnh Bắc Kạn — Sở, ban, ngành", title);
        var header = workbook.Row(2).Elements<Cell>().ToList();
        Assert.Equal(CsvExportTests.Header.Split(','), header.Select(Workbook.Text));
        Assert.All(header, c => Assert.NotNull(workbook.FontOf(c).Bold));

        var pane = workbook.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal("A3", pane.TopLeftCell?.Value);
        Assert.Equal(2d, pane.VerticalSplit?.Value);
        var columns = workbook.Worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        Assert.Equal(11, columns.Count);
        Assert.All(columns, c => Assert.True(c.CustomWidth?.Value == true && c.Width?.Value > 0));
    }

    [Theory]
    [InlineData("par-2020-06", "so")]
    [InlineData("par-2020-06", "xa-058")]
    [InlineData("par-2025-19", "so")]
    public async Task One_row_per_unit_with_numeric_cells_equal_to_the_API(string cycle, string group)
    {
        using var workbook = await OpenAsync(cycle, group);
        var ranking = (await Json.GetAsync((await app.ReaderAsync()), $"/api/cycles/{cycle}/groups/{group}/ranking")).EnumerateArray().ToList();

        var rows = workbook.Rows.Where(r => r.RowIndex!.Value >= 3).Take(ranking.Count).ToList();
        Assert.Equal(ranking.Count, rows.Count);
        Assert.Equal(ranking.Count + 2, workbook.Rows.Count); // no notes: the demo's results are final
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Elements<Cell>().ToList();
            var api = ranking[i];
            Assert.Equal(11, cells.Count);
            Assert.Equal(i + 1, Workbook.Number(cells[0]));
            Assert.Equal(api.String("unitName"), Workbook.Text(cells[1]));
            Assert.All(cells.Skip(2).Take(7), c => Assert.True(Workbook.IsNumber(c), c.CellReference));
            Assert.Equal(api.Decimal("obtained"), Workbook.Number(cells[7]));
            Assert.Equal(api.Decimal("indexDisplay"), Workbook.Number(cells[8]));
            Assert.Equal(api.Int("rank"), (int?)Workbook.Number(cells[9]));
            Assert.Equal(api.String("classification"), Workbook.Text(cells[10]));
            Assert.All(cells.Skip(2).Take(7), c => Assert.Equal("0.00", workbook.NumberFormatOf(c)));
        }
    }

    [Fact]
    public async Task Unknown_cycle_is_the_Vietnamese_404_page()
    {
        var response = await (await app.ReaderAsync()).GetAsync("/cycles/par-1900-00/groups/so/export.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không có kỳ đánh giá", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
