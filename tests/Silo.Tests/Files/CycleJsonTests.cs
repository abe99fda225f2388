using System.Text;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

public class CycleJsonTests
{
    /// <summary>The cycle.json of docs/formats.md, as written there.</summary>
    private const string InterfacesExample = """
        {
          "id": "par-2020-06",
          "year": 2020,
          "kind": "PAR",
          "title": "Chỉ số cải cách hành chính năm 2020",
          "previousCycles": ["par-2019-06"],
          "frameworks": [
            { "code": "so-2020", "title": "Bộ tiêu chí cấp sở",
              "fields": [
                { "code": "1", "title": "Công tác chỉ đạo, điều hành CCHC",
                  "criteria": [
                    { "code": "1.1", "title": "Kế hoạch CCHC năm",
                      "items": [
                        { "code": "1.1.1", "title": "Ban hành kế hoạch kịp thời", "max": 1.0, "source": "Appraisal", "evidenceRequired": true }
                      ] } ] } ] }
          ],
          "groups": [
            { "code": "so", "name": "Sở, ban, ngành", "assessor": "06", "framework": "so-2020",
              "units": ["06-SNV", "06-SCT"],
              "bands": [ { "label": "Xuất sắc", "min": 90 }, { "label": "Tốt", "min": 80 },
                         { "label": "Khá", "min": 70 }, { "label": "Trung bình", "min": 50 },
                         { "label": "Yếu", "min": 0 } ],
              "tieBreakers": [],
              "displayDecimals": 2,
              "notRanked": [],
              "allowOver100": false }
          ]
        }
        """;

    private static ReadResult<Cycle> Read(string json) => CycleJson.Read(new StringReader(json), "cycle.json");

    /// <summary>A minimal valid cycle whose one framework and one group are given as JSON.</summary>
    private static string Cycle(string frameworks, string groups) =>
        $$"""{ "id": "c", "year": 2024, "title": "Kỳ thử", "frameworks": [{{frameworks}}], "groups": [{{groups}}] }""";

    private const string Framework = """
        { "code": "f", "title": "Bộ tiêu chí", "fields": [ { "code": "1", "title": "Lĩnh vực 1", "criteria": [
            { "code": "1.1", "title": "Tiêu chí", "items": [ { "code": "1.1.1", "title": "Mục", "max": 2, "source": "Appraisal" } ] } ] } ] }
        """;

    private const string Group = """{ "code": "so", "name": "Sở", "assessor": "06", "framework": "f", "units": ["06-SNV"] }""";

    private static string WithItem(string item) => Cycle($$"""
        { "code": "f", "title": "Bộ tiêu chí", "fields": [ { "code": "1", "title": "Lĩnh vực 1", "criteria": [
            { "code": "1.1", "title": "Tiêu chí", "items": [ { "code": "1.1.0", "title": "Mục", "max": 2, "source": "Appraisal" }, {{item}} ] } ] } ] }
        """, Group);

    private static string WithGroup(string group) => Cycle(Framework, group);

    [Fact]
    public void The_interfaces_example_reads_exactly()
    {
        var cycle = Valid(Read(InterfacesExample));

        Assert.Equal(("par-2020-06", 2020, "PAR", "Chỉ số cải cách hành chính năm 2020"), (cycle.Id, cycle.Year, cycle.Kind, cycle.Title));
        Assert.Null(cycle.ExplicitReferenceDate);
        Assert.Equal(new DateOnly(2020, 12, 31), cycle.ReferenceDate);
        Assert.Equal(["par-2019-06"], cycle.PreviousCycles);

        var framework = Assert.Single(cycle.Frameworks);
        Assert.Equal(("so-2020", "Bộ tiêu chí cấp sở"), (framework.Code, framework.Title));
        var field = Assert.Single(framework.Fields);
        Assert.Equal(("1", "Công tác chỉ đạo, điều hành CCHC"), (field.Code, field.Title));
        var criterion = Assert.Single(field.Criteria);
        Assert.Equal(("1.1", "Kế hoạch CCHC năm"), (criterion.Code, criterion.Title));
        Assert.Equal(new Item("1.1.1", "Ban hành kế hoạch kịp thời", 1.0m, ItemSource.Appraisal, EvidenceRequired: true), Assert.Single(criterion.Items));

        var group = Assert.Single(cycle.Groups);
        Assert.Equal(("so", "Sở, ban, ngành", "06", "so-2020"), (group.Code, group.Name, group.AssessorCode, group.FrameworkCode));
        Assert.Equal(["06-SNV", "06-SCT"], Assert.IsType<UnitList>(group.Members).Codes);
        Assert.Equal(ClassificationBands.Default.Bands, group.Bands.Bands);
        Assert.Empty(group.TieBreakers);
        Assert.Equal(2, group.DisplayDecimals);
        Assert.Empty(group.NotRanked);
        Assert.False(group.AllowOver100);
    }

    [Fact]
    public void The_interfaces_example_resolves_against_the_interfaces_units()
    {
        var units = Valid(UnitsCsv.Read(Lines(
            "code,name,type,level,parent_code",
            "06,Tỉnh Bắc Kạn,Tỉnh,1,",
            "06-SNV,Sở Nội vụ,Sở,2,06",
            "06-SCT,Sở Công Thương,Sở,2,06"), "units.csv"));

        var members = Valid(Read(InterfacesExample)).Resolve(new UnitDirectory(units));

        Assert.Equal(["06-SNV", "06-SCT"], members["so"].Select(u => u.Code));
    }

    [Fact]
    public void Absent_optional_properties_take_their_defaults()
    {
        var cycle = Valid(Read(Cycle(Framework, Group)));

        var group = Assert.Single(cycle.Groups);
        Assert.Equal("PAR", cycle.Kind);
        Assert.Empty(cycle.PreviousCycles);
        Assert.Same(ClassificationBands.Default, group.Bands);
        Assert.Equal(2, group.DisplayDecimals);
        Assert.False(group.AllowOver100);
        Assert.Empty(group.TieBreakers);
        Assert.False(cycle.Frameworks[0].GetItem("1.1.1").EvidenceRequired);
    }

    [Fact]
    public void Every_group_setting_is_read()
    {
        var cycle = Valid(Read("""
            { "id": "sipas-2024", "year": 2024, "kind": "SIPAS", "title": "SIPAS", "referenceDate": "2024-06-30",
              "frameworks": [ { "code": "f", "title": "Bộ tiêu chí", "fields": [
                  { "code": "1", "title": "A", "criteria": [ { "code": "1.1", "title": "T", "max": 70, "source": "Appraisal" } ] },
                  { "code": "2", "title": "S", "criteria": [ { "code": "2.1", "title": "T", "max": 30, "source": "Survey" } ] } ] } ],
              "groups": [ { "code": "xa", "name": "UBND cấp xã", "assessor": "058", "framework": "f",
                  "selector": { "parent": "058", "level": 3, "types": ["Xã", "Phường"] },
                  "bands": [ { "label": "Nhóm A", "min": 85.5 }, { "label": "Nhóm B", "min": 0 } ],
                  "tieBreakers": ["appraisal", "survey", "2"], "displayDecimals": 3, "notRanked": ["01834"], "allowOver100": true } ] }
            """));

        Assert.Equal(("SIPAS", new DateOnly(2024, 6, 30)), (cycle.Kind, cycle.ReferenceDate));
        var group = Assert.Single(cycle.Groups);
        var selector = Assert.IsType<UnitSelector>(group.Members);
        Assert.Equal(("058", 3), (selector.Parent, selector.Level));
        Assert.Equal(["Xã", "Phường"], selector.Types!);
        Assert.Equal([new ClassificationBand("Nhóm A", 85.5m), new ClassificationBand("Nhóm B", 0m)], group.Bands.Bands);
        Assert.Equal([TieBreaker.AppraisalSubtotal, TieBreaker.SurveySubtotal, new FieldTieBreaker("2")], group.TieBreakers);
        Assert.Equal((3, true), (group.DisplayDecimals, group.AllowOver100));
        Assert.Equal(["01834"], group.NotRanked);
    }

    [Fact]
    public void A_selector_without_types_selects_every_type()
    {
        var cycle = Valid(Read(WithGroup("""{ "code": "so", "name": "Sở", "assessor": "06", "framework": "f", "selector": { "parent": "06", "level": 2 } }""")));

        Assert.Equal(new UnitSelector("06", 2), cycle.Groups[0].Members);
    }

    [Fact]
    public void A_criterion_may_carry_max_and_source_itself_and_is_then_its_own_item()
    {
        var cycle = Valid(Read(Cycle("""
            { "code": "f", "title": "Bộ tiêu chí", "fields": [ { "code": "9", "title": "Thưởng, trừ", "criteria": [
                { "code": "9.0", "title": "Thẩm định", "max": 10, "source": "Appraisal" },
                { "code": "9.1", "title": "Sáng kiến", "max": 0.5, "source": "Bonus", "evidenceRequired": true, "guide": "Cấp tỉnh công nhận" } ] } ] }
            """, Group)));

        var criterion = cycle.Frameworks[0].Fields[0].Criteria[1];
        Assert.Equal(new Item("9.1", "Sáng kiến", 0.5m, ItemSource.Bonus, true, "Cấp tỉnh công nhận"), Assert.Single(criterion.Items));
    }

    [Fact]
    public void Unknown_properties_are_ignored()
    {
        var json = InterfacesExample.TrimEnd().TrimEnd('}') + """
            , "comment": "thêm sau", "later": { "x": [1, 2] } }
            """;

        Valid(Read(json));
    }

    [Fact]
    public void A_stream_with_a_byte_order_mark_reads()
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(InterfacesExample)).ToArray();

        var cycle = Valid(CycleJson.Read(new MemoryStream(bytes), "cycle.json"));

        Assert.Equal("par-2020-06", cycle.Id);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line_and_position()
    {
        var problem = Single(Read("{\n  \"id\": \"c\",\n  \"year\": 2024\n  \"title\": \"x\"\n}"));

        Assert.Equal(("cycle.json", 4), (problem.File, problem.Line));
        Assert.StartsWith("JSON sai cú pháp ở byte thứ 3 của dòng:", problem.Message);
        Assert.DoesNotContain("LineNumber", problem.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Contains("tệp trống", Single(Read("  ")).Message);
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_refused()
    {
        Assert.Contains("đối tượng JSON", Single(Read("[1, 2]")).Message);
    }

    [Fact]
    public void Every_missing_required_property_of_the_cycle_is_named()
    {
        var result = Read("{ \"kind\": \"PAR\" }");

        Assert.False(result.IsValid);
        Assert.Equal(
            ["thiếu thuộc tính \"id\".", "thiếu thuộc tính \"year\".", "thiếu thuộc tính \"title\".", "thiếu thuộc tính \"frameworks\".", "thiếu thuộc tính \"groups\"."],
            result.Problems.Select(p => p.Message));
        Assert.All(result.Problems, p => Assert.Equal(("cycle.json", (int?)null), (p.File, p.Line)));
    }

    [Fact]
    public void A_property_of_the_wrong_type_is_refused()
    {
        var result = Read("""{ "id": "c", "year": "2024", "title": "x", "frameworks": {}, "groups": [] }""");

        Assert.Contains(result.Problems, p => p.Message == "thuộc tính \"year\" phải là số nguyên, không phải \"2024\".");
        Assert.Contains(result.Problems, p => p.Message == "thuộc tính \"frameworks\" phải là mảng [ … ].");
        Assert.Contains(result.Problems, p => p.Message == "kỳ đánh giá không có nhóm xếp hạng nào (groups).");
    }

    [Fact]
    public void An_item_without_max_is_refused_naming_the_item_and_where_it_is()
    {
        var problem = Single(Read(WithItem("""{ "code": "1.1.2", "title": "Mục", "source": "Survey" }""")));

        Assert.Equal("1.1.2", problem.Item);
        Assert.Equal("thiếu thuộc tính \"max\" (frameworks[0].fields[0].criteria[0].items[1]).", problem.Message);
        Assert.Equal("cycle.json: tiêu chí 1.1.2: thiếu thuộc tính \"max\" (frameworks[0].fields[0].criteria[0].items[1]).", problem.ToString());
    }

    [Fact]
    public void An_unknown_source_is_refused_naming_the_allowed_ones()
    {
        var problem = Single(Read(WithItem("""{ "code": "1.1.2", "title": "Mục", "max": 1, "source": "Khảo sát" }""")));

        Assert.Equal("1.1.2", problem.Item);
        Assert.StartsWith("nguồn điểm (source) \"Khảo sát\" không hợp lệ (phải là Appraisal, Survey, Bonus hoặc Penalty)", problem.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("appraisal ")]
    public void A_numeric_source_is_refused_while_case_does_not_matter(string source)
    {
        var result = Read(WithItem($$"""{ "code": "1.1.2", "title": "Mục", "max": 1, "source": "{{source}}" }"""));

        Assert.Equal(source == "1", !result.IsValid);
    }

    [Fact]
    public void A_non_boolean_evidence_flag_is_refused()
    {
        var problem = Single(Read(WithItem("""{ "code": "1.1.2", "title": "Mục", "max": 1, "source": "Survey", "evidenceRequired": "có" }""")));

        Assert.Equal("1.1.2", problem.Item);
        Assert.StartsWith("thuộc tính \"evidenceRequired\" phải là true hoặc false", problem.Message);
    }

    [Fact]
    public void Every_framework_rule_broken_is_reported_each_as_a_problem()
    {
        var result = Read(Cycle("""
            { "code": "f", "title": "Bộ tiêu chí", "fields": [
                { "code": "1", "title": "Lĩnh vực 1", "criteria": [
                    { "code": "1.1", "title": "T", "items": [
                        { "code": "1.1.1", "title": "Mục", "max": 2, "source": "Appraisal" },
                        { "code": "1.1.1", "title": "Mục trùng", "max": 1, "source": "Appraisal" },
                        { "code": "1.1.2", "title": "Mục", "max": 0, "source": "Appraisal" },
                        { "code": "1.1.3", "title": "Mục", "max": 0.1234, "source": "Appraisal" } ] },
                    { "code": "1.2", "title": "Không có mục" } ] },
                { "code": "2", "title": "Lĩnh vực trống", "criteria": [] } ] }
            """, Group));

        Assert.False(result.IsValid);
        Assert.Equal(5, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Message.Contains("mã tiêu chí thành phần 1.1.1 bị trùng"));
        Assert.Contains(result.Problems, p => p.Message.Contains("1.1.2 có điểm tối đa 0 (phải lớn hơn 0)"));
        Assert.Contains(result.Problems, p => p.Message.Contains("1.1.3 có điểm tối đa 0.1234 quá 3 chữ số thập phân"));
        Assert.Contains(result.Problems, p => p.Message.Contains("tiêu chí 1.2 không có tiêu chí thành phần và không có điểm tối đa"));
        Assert.Contains(result.Problems, p => p.Message.Contains("lĩnh vực 2 không có tiêu chí nào"));
        Assert.All(result.Problems, p => Assert.EndsWith("(frameworks[0]).", p.Message));
    }

    [Fact]
    public void A_missing_code_is_reported_once_by_the_framework_rules()
    {
        var problem = Single(Read(WithItem("""{ "title": "Mục", "max": 1, "source": "Survey" }""")));

        Assert.Contains("một tiêu chí thành phần của 1.1 không có mã", problem.Message);
    }

    [Fact]
    public void A_criterion_with_both_items_and_its_own_max_is_refused()
    {
        var problem = Single(Read(Cycle("""
            { "code": "f", "title": "Bộ tiêu chí", "fields": [ { "code": "1", "title": "Lĩnh vực 1", "criteria": [
                { "code": "1.1", "title": "Tiêu chí", "max": 2, "source": "Appraisal",
                  "items": [ { "code": "1.1.1", "title": "Mục", "max": 2, "source": "Appraisal" } ] } ] } ] }
            """, Group)));

        Assert.StartsWith("tiêu chí 1.1 có cả \"items\" và \"max\"/\"source\"", problem.Message);
    }

    [Fact]
    public void A_group_naming_an_unknown_framework_is_refused()
    {
        var problem = Single(Read(WithGroup("""{ "code": "so", "name": "Sở", "assessor": "06", "framework": "g", "units": ["06-SNV"] }""")));

        Assert.Equal("nhóm so: không có bộ tiêu chí g trong \"frameworks\" (groups[0]).", problem.Message);
    }

    [Theory]
    [InlineData("\"units\": [\"06-SNV\"], \"selector\": { \"parent\": \"06\", \"level\": 2 }", "có cả \"units\" và \"selector\"")]
    [InlineData("\"name2\": 1", "thiếu \"units\"")]
    [InlineData("\"units\": []", "danh sách \"units\" trống")]
    [InlineData("\"selector\": { \"level\": 2 }", "thiếu thuộc tính \"parent\" (groups[0].selector)")]
    [InlineData("\"selector\": { \"parent\": \"06\", \"level\": -1 }", "cấp (level) -1 không hợp lệ")]
    [InlineData("\"selector\": { \"parent\": \"06\", \"level\": 2, \"types\": \"Xã\" }", "\"types\" phải là mảng chuỗi")]
    public void Group_members_must_be_a_units_list_or_a_selector(string members, string expected)
    {
        var problem = Single(Read(WithGroup($$"""{ "code": "so", "name": "Sở", "assessor": "06", "framework": "f", {{members}} }""")));

        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void Every_missing_property_of_a_group_is_named()
    {
        var result = Read(WithGroup("""{ "units": ["06-SNV"] }"""));

        Assert.Equal(
            ["thiếu thuộc tính \"code\" (groups[0]).", "thiếu thuộc tính \"name\" (groups[0]).", "thiếu thuộc tính \"assessor\" (groups[0]).", "thiếu thuộc tính \"framework\" (groups[0])."],
            result.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Bad_bands_are_refused_with_each_rule_broken()
    {
        var result = Read(WithGroup("""
            { "code": "so", "name": "Sở", "assessor": "06", "framework": "f", "units": ["06-SNV"],
              "bands": [ { "label": "Tốt", "min": 80 }, { "label": "Tốt", "min": -1 }, { "label": "Khá", "min": 80 } ] }
            """));

        Assert.False(result.IsValid);
        Assert.Equal(3, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Message.Contains("ngưỡng -1 âm"));
        Assert.Contains(result.Problems, p => p.Message.Contains("\"Tốt\" bị trùng"));
        Assert.Contains(result.Problems, p => p.Message.Contains("cùng ngưỡng 80"));
    }

    [Fact]
    public void Empty_bands_are_refused_rather_than_defaulted()
    {
        var problem = Single(Read(WithGroup("""{ "code": "so", "name": "Sở", "assessor": "06", "framework": "f", "units": ["06-SNV"], "bands": [] }""")));

        Assert.Contains("Chưa có mức xếp loại nào", problem.Message);
    }

    [Fact]
    public void A_band_without_min_is_refused()
    {
        var problem = Single(Read(WithGroup("""{ "code": "so", "name": "Sở", "assessor": "06", "framework": "f", "units": ["06-SNV"], "bands": [ { "label": "Tốt" } ] }""")));

        Assert.Equal("thiếu thuộc tính \"min\" (groups[0].bands[0]).", problem.Message);
    }

    [Fact]
    public void The_group_rules_of_the_domain_apply_display_decimals_and_tie_breakers()
    {
        var result = Read(WithGroup("""
            { "code": "so", "name": "Sở", "assessor": "06", "framework": "f", "units": ["06-SNV"], "displayDecimals": 7, "tieBreakers": ["appraisal", "9"] }
            """));

        Assert.Equal(2, result.Problems.Count);
        Assert.Contains("số chữ số thập phân hiển thị 7 không hợp lệ (0–6)", result.Problems[0].Message);
        Assert.Contains("tiêu chí phụ xếp hạng \"9\"", result.Problems[1].Message);
    }

    [Fact]
    public void The_group_rules_are_checked_even_when_its_bands_and_members_are_wrong()
    {
        var result = Read(WithGroup("""
            { "code": "so", "name": "Sở", "assessor": "06", "framework": "f", "units": [], "bands": [ { "label": "A", "min": -1 } ], "displayDecimals": 9 }
            """));

        Assert.Equal(3, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Message.Contains("số chữ số thập phân hiển thị 9"));
    }

    [Fact]
    public void Duplicate_framework_and_group_codes_are_refused()
    {
        var result = Read(Cycle(Framework + ", " + Framework, Group + ", " + Group.Replace("06-SNV", "06-SCT")));

        Assert.Equal(["mã bộ tiêu chí f bị trùng (frameworks[1]).", "mã nhóm xếp hạng so bị trùng (groups[1])."], result.Problems.Select(p => p.Message));
    }

    [Fact]
    public void A_bad_reference_date_and_year_are_refused()
    {
        var result = Read("""{ "id": "c", "year": 20244, "title": "x", "referenceDate": "31/12/2024", "frameworks": [], "groups": [] }""");

        Assert.Contains(result.Problems, p => p.Message == "năm (year) 20244 không hợp lệ (1990–2100).");
        Assert.Contains(result.Problems, p => p.Message == "thuộc tính \"referenceDate\" \"31/12/2024\" không phải ngày dạng YYYY-MM-DD.");
    }

    [Fact]
    public void Problems_in_frameworks_and_groups_are_all_reported_together()
    {
        var result = Read(Cycle(
            """{ "code": "f", "title": "B", "fields": [ { "code": "1", "title": "L", "criteria": [ { "code": "1.1", "title": "T", "max": 1, "source": "X" } ] } ] }""",
            """{ "code": "so", "name": "Sở", "assessor": "06", "framework": "f" }"""));

        Assert.Equal(2, result.Problems.Count);
        Assert.Equal("1.1", result.Problems[0].Item);
        Assert.Contains("thiếu \"units\"", result.Problems[1].Message);
    }
}
