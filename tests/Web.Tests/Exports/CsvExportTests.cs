using System.Net;
using System.Text;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Exports;

public class CsvExportTests(DemoApp app) : IClassFixture<DemoApp>
{
    public const string Header = "STT,Đơn vị,Điểm tự đánh giá,Điểm thẩm định,Điểm điều tra XHH,Điểm thưởng,Điểm trừ,Tổng điểm,Chỉ số,Xếp hạng,Xếp loại";

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> GetAsync(string url)
    {
        var response = await (await app.ReaderAsync()).GetAsync(url);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_file_is_a_UTF8_CSV_with_BOM_sent_as_an_attachment_with_a_sensible_name()
    {
        var (response, bytes) = await GetAsync("/cycles/par-2020-06/groups/so/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("xep-hang-par-2020-06-so.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith(Header + "\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Theory]
    [InlineData("par-2020-06", "so")]
    [InlineData("par-2020-06", "phong-061")]
    [InlineData("par-2025-19", "xa")]
    public async Task One_row_per_unit_in_rank_order_with_the_APIs_numbers(string cycle, string group)
    {
        var (_, bytes) = await GetAsync($"/cycles/{cycle}/groups/{group}/export.csv");
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var ranking = (await Json.GetAsync((await app.ReaderAsync()), $"/api/cycles/{cycle}/groups/{group}/ranking")).EnumerateArray().ToList();

        Assert.Equal(Header, string.Join(',', records[0]));
        var rows = records.Skip(1).ToList();
        Assert.Equal(ranking.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, api) = (rows[i], ranking[i]);
            Assert.Equal(11, row.Count);
            Assert.Equal((i + 1).ToString(), row[0]);
            Assert.Equal(api.String("unitName"), row[1]);
            Assert.Equal(api.GetProperty("obtained").GetRawText(), row[7]);
            Assert.Equal(api.GetProperty("indexDisplay").GetRawText(), row[8]);
            Assert.Equal(api.Int("rank")?.ToString() ?? "", row[9]);
            Assert.Equal(api.String("classification"), row[10]);
            // Thẩm định + điều tra XHH + thưởng − trừ = tổng điểm, on every row.
            var n = row.Skip(3).Take(5).Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(decimal.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture), n[0] + n[1] + n[2] - n[3]);
        }
    }

    [Fact]
    public async Task A_unit_name_with_a_comma_is_quoted()
    {
        var (_, bytes) = await GetAsync("/cycles/par-2020-06/groups/so/export.csv");
        Assert.Contains("\r\n2,\"Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh\",", Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("/cycles/par-1900-00/groups/so/export.csv", "Không có kỳ đánh giá")]
    [InlineData("/cycles/par-2020-06/groups/khong-co/export.csv", "không có nhóm xếp hạng")]
    public async Task Unknown_cycle_or_group_is_the_Vietnamese_404_page(string url, string message)
    {
        var response = await (await app.ReaderAsync()).GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("Không tìm thấy", html);
        Assert.Contains(message, html);
    }
}
