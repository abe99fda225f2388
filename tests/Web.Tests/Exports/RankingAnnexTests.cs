using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Exports;

namespace ParIndex.Web.Tests.Exports;

/// <summary>The annex on hand-made lines: what the demo does not have (unranked units, 3 decimals, provisional results).</summary>
public class RankingAnnexTests
{
    private static readonly Cycle Cycle = new()
    {
        Id = "par-2023-75", Year = 2023, Title = "Chỉ số cải cách hành chính năm 2023", Frameworks = [], Groups = [],
    };

    private static readonly RankGroup Group = new()
    {
        Code = "so", Name = "Sở, ban, ngành", AssessorCode = "75", FrameworkCode = "so-2023", Members = new UnitList([]), DisplayDecimals = 3,
    };

    private static ResultLine Line(string code, int? rank, decimal obtained, bool provisional = false) => new()
    {
        Group = "so", Rank = rank, UnitCode = code, UnitName = "Đơn vị " + code, Obtained = obtained, Maximum = 100m,
        Index = obtained, IndexDisplay = decimal.Round(obtained, 3), DisplayDecimals = 3, Classification = obtained >= 90 ? "Xuất sắc" : "Tốt",
        Provisional = provisional, SelfSubtotal = 70m, AppraisalSubtotal = obtained - 25m, SurveySubtotal = 25m,
    };

    private static readonly RankingAnnex Annex = RankingAnnex.Create(Cycle, Group,
        [Line("75-SNV", 1, 92.83m), Line("75-STP", 2, 90.0204m), Line("75-BDT", null, 88.1m, provisional: true)]);

    [Fact]
    public void Unranked_units_come_last_with_an_empty_rank_and_every_index_has_the_groups_decimals()
    {
        var lines = Encoding.UTF8.GetString(AnnexCsv.Write(Annex)).TrimStart('\uFEFF').Split("\r\n");

        Assert.Equal("1,Đơn vị 75-SNV,70,67.83,25,0,0,92.83,92.830,1,Xuất sắc", lines[1]);
        Assert.Equal("2,Đơn vị 75-STP,70,65.0204,25,0,0,90.0204,90.020,2,Xuất sắc", lines[2]);
        Assert.Equal("3,Đơn vị 75-BDT,70,63.1,25,0,0,88.1,88.100,,Tốt", lines[3]);
        Assert.Equal("", lines[4]);
    }

    [Fact]
    public void The_workbook_shows_the_groups_decimals_leaves_the_rank_empty_and_notes_provisional_results()
    {
        using var workbook = new Workbook(AnnexXlsx.Write(Annex));

        Assert.Empty(workbook.ValidationErrors);
        var last = workbook.Row(5).Elements<Cell>().ToList();
        Assert.Equal("0.000", workbook.NumberFormatOf(last[8]));
        Assert.Equal(88.1m, Workbook.Number(last[8]));
        Assert.Null(last[9].CellValue);
        var note = Workbook.Text(workbook.Row(7).Elements<Cell>().Single());
        Assert.Contains("tạm tính", note);
        Assert.Contains("1 đơn vị", note);
    }

    [Theory]
    [InlineData("par-2020-06", "so", "xep-hang-par-2020-06-so.csv")]
    [InlineData("PAR 2020/06", "Xã_058", "xep-hang-par-2020-06-x--058.csv")]
    public void File_names_keep_only_letters_digits_and_dashes(string cycle, string group, string expected)
    {
        var annex = Annex with { CycleId = cycle, GroupCode = group };
        Assert.Equal(expected, annex.FileName("csv"));
    }
}
