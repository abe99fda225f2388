using ParIndex.Silo.Files;
using ParIndex.Silo.Tests.Support;
using static ParIndex.Silo.Tests.Files.FrameworkSheets;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

/// <summary>The workbooks in examples/ stay what they say they are (examples/README.md).</summary>
public class FrameworkExamplesTests
{
    private static List<string> Cells(Stream xlsx) => XlsxRows.Read(xlsx, "x.xlsx", [])!.Select(r => string.Join("|", r.Fields)).ToList();

    [Fact]
    public void The_template_in_examples_is_the_one_the_web_offers()
    {
        using var file = File.OpenRead(Repo.Path("examples", "mau-bo-tieu-chi.xlsx"));

        Assert.Equal(Cells(new MemoryStream(FrameworkXlsxWriter.Template())), Cells(file));
    }

    [Fact]
    public void The_exported_demo_framework_is_the_departments_framework_of_cycle_2020_json()
    {
        var cycle = Valid(CycleJson.Read(File.OpenRead(Repo.Path("examples", "bac-kan", "cycle-2020.json")), "cycle-2020.json"));
        var expected = cycle.Frameworks.Single(f => f.Code == "so-2020");

        using var file = File.OpenRead(Repo.Path("examples", "bac-kan", "bo-tieu-chi-so-2020.xlsx"));
        var read = Valid(FrameworkXlsx.Read(file, "bo-tieu-chi-so-2020.xlsx", expected.Code, expected.Title));

        Assert.Equal(Flat(expected), Flat(read));
        Assert.Equal(100m, read.Maximum);
    }
}
