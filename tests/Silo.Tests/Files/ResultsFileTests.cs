using System.Globalization;
using System.Text.Json;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;

namespace ParIndex.Silo.Tests.Files;

public class ResultsFileTests
{
    private const string Header = "group,rank,unit_code,unit_name,obtained,maximum,index,index_display,classification,provisional,previous_index,previous_rank,rank_change,version";

    /// <summary>Thanh Hóa 2023, Ban Dân tộc: 68.32 of 84 points is 81.33.</summary>
    private static readonly ResultLine BanDanToc = Line("dac-thu", 1, "38-BDT", "Ban Dân tộc", 68.32m, 84m, 2);

    private static ResultLine Line(string group, int? rank, string code, string name, decimal obtained, decimal maximum, int decimals)
    {
        var index = ScoringPolicy.IndexOf(obtained, maximum, allowOver100: false);
        var shown = index is { } i ? ScoringPolicy.Display(i, decimals) : (decimal?)null;
        return new ResultLine
        {
            Group = group, Rank = rank, UnitCode = code, UnitName = name, Obtained = obtained, Maximum = maximum,
            Index = index, IndexDisplay = shown, DisplayDecimals = decimals,
            Classification = shown is { } s ? ClassificationBands.Default.Classify(s) : null, Provisional = false,
        };
    }

    private static string[] Csv(params ResultLine[] lines)
    {
        var text = new StringWriter();
        ResultsFile.WriteCsv(text, lines);
        Assert.DoesNotContain("\r", text.ToString());
        Assert.EndsWith("\n", text.ToString());
        return text.ToString().Split('\n')[..^1];
    }

    private static string Json(params ResultLine[] lines)
    {
        var text = new StringWriter();
        ResultsFile.WriteJson(text, lines);
        return text.ToString();
    }

    [Fact]
    public void The_csv_has_exactly_the_documented_columns()
    {
        Assert.Equal([Header], Csv());
        Assert.Equal(Header, string.Join(',', ResultsFile.Columns));
    }

    [Fact]
    public void A_special_unit_of_84_points_prints_its_exact_index_to_6_decimals_and_the_displayed_one_to_2()
    {
        Assert.Equal("dac-thu,1,38-BDT,Ban Dân tộc,68.32,84,81.333333,81.33,Tốt,false,,,,1", Csv(BanDanToc)[1]);
    }

    [Fact]
    public void Three_display_decimals_print_as_three_even_with_a_trailing_zero()
    {
        var dongNai = Line("so", 1, "75-SNV", "Sở Nội vụ", 92.83m, 100m, 3);

        Assert.Equal("so,1,75-SNV,Sở Nội vụ,92.83,100,92.83,92.830,Xuất sắc,false,,,,1", Csv(dongNai)[1]);
    }

    [Fact]
    public void An_exact_index_prints_without_trailing_zeros_and_the_displayed_index_with_them()
    {
        var whole = Line("so", 1, "a", "A", 90.00m, 100.00m, 2);
        var rounded = Line("so", 2, "b", "B", 89.996m, 100m, 2);

        Assert.Equal(["so,1,a,A,90,100,90,90.00,Xuất sắc,false,,,,1", "so,2,b,B,89.996,100,89.996,90.00,Xuất sắc,false,,,,1"], Csv(whole, rounded)[1..]);
    }

    [Theory]
    [InlineData("0.0000005", "0.000001")]
    [InlineData("93.4400", "93.44")]
    [InlineData("99.99999949", "99.999999")]
    [InlineData("99.9999995", "100")]
    public void Exact_values_are_rounded_half_away_from_zero_to_6_decimals_only_for_printing(string exact, string printed)
    {
        Assert.Equal(printed, ResultsFile.FormatExact(decimal.Parse(exact, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_unit_scored_but_not_ranked_has_an_empty_rank()
    {
        Assert.StartsWith("so,,38-BDT,", Csv(BanDanToc with { Group = "so", Rank = null })[1]);
    }

    [Fact]
    public void A_unit_without_maximum_has_no_index_display_or_class()
    {
        Assert.Equal("so,,x,X,0,0,,,,true,,,,1", Csv(Line("so", null, "x", "X", 0m, 0m, 2) with { Provisional = true })[1]);
    }

    [Fact]
    public void Year_over_year_and_version_are_printed()
    {
        var line = BanDanToc with { Provisional = true, PreviousIndex = 85.123456789m, PreviousRank = 4, RankChange = -3, Version = 2 };

        Assert.Equal("dac-thu,1,38-BDT,Ban Dân tộc,68.32,84,81.333333,81.33,Tốt,true,85.123457,4,-3,2", Csv(line)[1]);
    }

    [Fact]
    public void Names_with_commas_quotes_or_line_breaks_are_quoted()
    {
        var line = BanDanToc with { UnitName = "Sở Giáo dục, Đào tạo \"tỉnh\"", Classification = "Nhóm A" };

        Assert.Equal("dac-thu,1,38-BDT,\"Sở Giáo dục, Đào tạo \"\"tỉnh\"\"\",68.32,84,81.333333,81.33,Nhóm A,false,,,,1", Csv(line)[1]);
    }

    [Fact]
    public void Numbers_use_a_dot_whatever_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
            Assert.Contains(",81.333333,81.33,", Csv(BanDanToc)[1]);
            Assert.Contains("\"index\": 81.333333", Json(BanDanToc));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_stream_gets_utf8_without_byte_order_mark()
    {
        using var csv = new MemoryStream();
        using var json = new MemoryStream();
        ResultsFile.WriteCsv(csv, [BanDanToc]);
        ResultsFile.WriteJson(json, [BanDanToc]);

        Assert.Equal((byte)'g', csv.ToArray()[0]);
        Assert.Equal((byte)'[', json.ToArray()[0]);
        Assert.Contains("Ban Dân tộc", System.Text.Encoding.UTF8.GetString(csv.ToArray()));
    }

    [Fact]
    public void Json_has_the_same_fields_in_camel_case_as_numbers_booleans_and_nulls()
    {
        var text = Json(BanDanToc with { Rank = null, PreviousIndex = 80m, PreviousRank = 2, RankChange = 1 });

        using var document = JsonDocument.Parse(text);
        var row = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal(
            ["group", "rank", "unitCode", "unitName", "obtained", "maximum", "index", "indexDisplay", "classification",
             "provisional", "previousIndex", "previousRank", "rankChange", "version"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("rank").ValueKind);
        Assert.Equal("Ban Dân tộc", row.GetProperty("unitName").GetString());
        Assert.Equal(81.33m, row.GetProperty("indexDisplay").GetDecimal());
        Assert.Equal(81.333333m, row.GetProperty("index").GetDecimal());
        Assert.Equal(JsonValueKind.False, row.GetProperty("provisional").ValueKind);
        Assert.Equal((2, 1, 1), (row.GetProperty("previousRank").GetInt32(), row.GetProperty("rankChange").GetInt32(), row.GetProperty("version").GetInt32()));
        Assert.Contains("\"unitName\": \"Ban Dân tộc\"", text); // not \u-escaped
        Assert.DoesNotContain("\r", text);
    }

    [Fact]
    public void Json_prints_the_displayed_index_with_exactly_its_decimals()
    {
        var text = Json(Line("so", 1, "a", "A", 90m, 100m, 2), Line("so", 2, "b", "B", 92.83m, 100m, 3));

        Assert.Contains("\"indexDisplay\": 90.00,", text);
        Assert.Contains("\"index\": 90,", text);
        Assert.Contains("\"indexDisplay\": 92.830,", text);
    }

    [Fact]
    public void No_lines_give_an_empty_json_array()
    {
        Assert.Equal("[]\n", Json());
    }
}
