using System.Diagnostics;
using System.Text;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>An import is one transaction: a process killed in the middle leaves none of it.</summary>
public class KilledImportTests
{
    private const int Units = 2000, Items = 100; // 200,000 rows

    [Theory, SqliteData, PostgresData]
    public async Task A_process_killed_in_the_middle_of_a_200000_row_import_leaves_none_of_it(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await TestDatabase.EmptyAsync(provider);
        var units = new StringBuilder("code,name,type,level,parent_code\n99,Tỉnh Thử,Tỉnh,1,\n");
        for (int u = 0; u < Units; u++) units.Append($"99-{u:0000},Đơn vị {u},Sở,2,99\n");
        (await db.RunAsync("import", "units", folder.Write("units.csv", units.ToString()))).ShouldSucceed();

        var items = string.Join(",", Enumerable.Range(1, Items).Select(i => $"{{\"code\":\"1.{i}\",\"title\":\"Mục {i}\",\"max\":1,\"source\":\"Appraisal\"}}"));
        var members = string.Join(",", Enumerable.Range(0, Units).Select(u => $"\"99-{u:0000}\""));
        var cycle = $$"""
            {"id":"big","year":2024,"title":"Thử tải lớn",
             "frameworks":[{"code":"f","title":"F","fields":[{"code":"1","title":"L","criteria":[{"code":"1","title":"T","items":[{{items}}]}]}]}],
             "groups":[{"code":"g","name":"Nhóm","assessor":"99","framework":"f","units":[{{members}}]}]}
            """;
        (await db.RunAsync("import", "cycle", folder.Write("cycle.json", cycle))).ShouldSucceed();

        var scores = new StringBuilder("unit_code,item_code,kind,value,note\n");
        for (int u = 0; u < Units; u++)
            for (int i = 1; i <= Items; i++)
                scores.Append($"99-{u:0000},1.{i},self,0.5,\n");
        var file = folder.Write("scores.csv", scores.ToString());
        var before = await db.FingerprintAsync();

        // Run the real tool as its own process, and kill it once it reports that it is writing.
        var silo = Path.Combine(AppContext.BaseDirectory, "ParIndex.Silo.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", silo, "import", "scores", "--cycle", "big", file, .. db.Args])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var writing = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) => { if (e.Data?.Contains("Đang ghi") == true) writing.TrySetResult(); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var finished = process.WaitForExitAsync();
        Assert.Same(writing.Task, await Task.WhenAny(writing.Task, finished, Task.Delay(TimeSpan.FromMinutes(3))));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Assert.NotEqual(0, process.ExitCode);

        // Reopen: SQLite rolls the unfinished transaction back (PostgreSQL did when the connection dropped); none of the rows are there.
        Assert.Equal(before, await db.FingerprintAsync());
        Assert.Equal(0, await db.CountAsync("item_values"));
        (await db.RunAsync("results", "--cycle", "big")).ShouldSucceed();
    }
}
