using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>The framework page (Sở Nội vụ): the template and the current framework to download, and the upload that replaces it.</summary>
public class FrameworkPageTests
{
    private const string Demo = "/cycles/par-2020-06/groups/so/bo-tieu-chi";
    private const string Prepared = "/cycles/par-2021-06/groups/so/bo-tieu-chi";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Bắc Kạn 2021 being prepared: one group, a placeholder framework of one 1-point item.</summary>
    private const string PreparedCycle = """
        { "id": "par-2021-06", "year": 2021, "title": "Chỉ số CCHC năm 2021",
          "frameworks": [ { "code": "so-2021", "title": "Bộ tiêu chí cấp sở",
            "fields": [ { "code": "1", "title": "Tạm", "criteria": [ { "code": "1.1", "title": "Tạm", "max": 1, "source": "Appraisal" } ] } ] } ],
          "groups": [ { "code": "so", "name": "Sở, ban, ngành", "assessor": "06", "framework": "so-2021", "units": ["06-SNV", "06-SCT"] } ] }
        """;

    private static async Task PrepareAsync(DemoApp app)
    {
        var read = CycleJson.Read(new StringReader(PreparedCycle), "cycle-2021.json");
        Assert.True(read.IsValid, read.ToString());
        await app.Services.GetRequiredService<CycleImporter>().ImportAsync(read.Value, "cycle-2021.json");
    }

    private static async Task<HttpResponseMessage> UploadAsync(Staff staff, string page, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await staff.TokenAsync()), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(content), "file", name);
        return await staff.Client.PostAsync(page, form);
    }

    /// <summary>A one-sheet workbook of text cells, as another tool than Excel may write it.</summary>
    private static byte[] Sheet(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(rows.Select((cells, r) => new Row(cells.Select((text, c) =>
                new Cell(new InlineString(new Text(text))) { CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString })) { RowIndex = (uint)r + 1 })));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1U, Name = "Trang 1" }));
        }
        return stream.ToArray();
    }

    private static List<string> FirstRow(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Empty(new OpenXmlValidator().Validate(document)); // Excel opens it without repairing
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var row = ((WorksheetPart)workbook.GetPartById(first.Id!)).Worksheet.Descendants<Row>().First();
        return row.Elements<Cell>().Select(c => c.InnerText).ToList();
    }

    private static readonly string[] Header = ["Cấp", "Mã", "Nội dung", "Điểm tối đa", "Nguồn điểm", "Bắt buộc minh chứng", "Hướng dẫn", "Không áp dụng"];

    [Fact]
    public Task The_page_offers_the_template_and_the_current_framework_as_workbooks() => OwnDemoApp.RunAsync(async app =>
    {
        var province = await Staff.SignInAsync(app, "snv.backan");
        var page = await province.OkAsync(Demo);
        Assert.Contains($"href=\"{Demo}/mau\"", page);
        Assert.Contains("Tải mẫu", page);
        Assert.Contains($"href=\"{Demo}/xuat\"", page);
        Assert.Contains($"href=\"{Demo}\"", await province.OkAsync("/cycles/par-2020-06")); // linked from the overview

        var template = await province.Client.GetAsync(Demo + "/mau");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(XlsxType, template.Content.Headers.ContentType!.MediaType);
        Assert.Equal("mau-bo-tieu-chi.xlsx", template.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal(Header, FirstRow(await template.Content.ReadAsByteArrayAsync()));

        var current = await province.Client.GetAsync(Demo + "/xuat");
        Assert.Equal("bo-tieu-chi-par-2020-06-so.xlsx", current.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await current.Content.ReadAsByteArrayAsync();
        Assert.Equal(Header, FirstRow(bytes));
        var read = FrameworkXlsx.Read(new MemoryStream(bytes), "x.xlsx", "so-2020", "x");
        Assert.True(read.IsValid, read.ToString());
        Assert.Equal(100m, read.Value.Maximum); // the PAR Index is out of 100 points
    });

    [Fact]
    public Task The_template_uploaded_replaces_the_framework_of_a_cycle_being_prepared() => OwnDemoApp.RunAsync(async app =>
    {
        await PrepareAsync(app);
        var province = await Staff.SignInAsync(app, "snv.backan");
        var template = await province.Client.GetByteArrayAsync(Prepared + "/mau");

        var response = await UploadAsync(province, Prepared, "mau-bo-tieu-chi.xlsx", template);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await province.OkAsync(Prepared);
        Assert.Contains("Đã nhập bộ tiêu chí so-2021 từ tệp mau-bo-tieu-chi.xlsx", page);
        // The template's items: 1 + 2 (appraisal) and 1.5 (survey) count; the bonus and the penalty do not.
        Assert.Contains("điểm tối đa 4,5", page);
        // Held at once by the cycle's grain, which every scorecard asks.
        var definition = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICycleGrain>(GrainKeys.Cycle("par-2021-06")).GetDefinitionAsync();
        Assert.Equal(4.5m, definition.Cycle.FrameworkOf(definition.Cycle.FindGroup("so")!).Maximum);
    });

    [Fact]
    public Task A_bad_workbook_is_refused_with_every_bad_row_and_nothing_changes() => OwnDemoApp.RunAsync(async app =>
    {
        await PrepareAsync(app);
        var province = await Staff.SignInAsync(app, "snv.backan");
        var bad = Sheet(Header,
            ["Lĩnh vực", "1", "Chỉ đạo"],
            ["Tiêu chí", "1.1", "Kế hoạch", "0", "Thẩm định"],
            ["Tiêu chí", "1.2", "Báo cáo", "1", "Tự chấm"]);

        var response = await UploadAsync(province, Prepared, "btc.xlsx", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await Staff.HtmlAsync(response);
        Assert.Contains("tệp btc.xlsx có 2 lỗi; không có gì được lưu", html);
        Assert.Contains("btc.xlsx:3: tiêu chí 1.1: cột \"Điểm tối đa\": 0 phải lớn hơn 0.", html);
        Assert.Contains("btc.xlsx:4: tiêu chí 1.2: cột \"Nguồn điểm\": \"Tự chấm\" không hợp lệ", html);
        Assert.Contains("điểm tối đa 1.", await province.OkAsync(Prepared)); // still the placeholder
    });

    [Fact]
    public Task A_group_already_scored_is_refused_in_Vietnamese() => OwnDemoApp.RunAsync(async app =>
    {
        var province = await Staff.SignInAsync(app, "snv.backan");
        var template = await province.Client.GetByteArrayAsync(Demo + "/mau");

        var response = await UploadAsync(province, Demo, "mau.xlsx", template);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await Staff.HtmlAsync(response);
        Assert.Contains("Không nhập bộ tiêu chí: kỳ par-2020-06 không còn ở giai đoạn chuẩn bị", html);
        Assert.Contains("điểm tối đa 100", await province.OkAsync(Demo));
    });
}
