using System.Globalization;

namespace ParIndex.Bench;

/// <summary>The command line: <c>--scale national|province [--json FILE] …</c>.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        dotnet run -c Release --project bench -- [options]
          --scale national|province   the whole country (default), or one province (a run under a minute)
          --province CODE             the province of --scale province (default 01, Hà Nội)
          --json FILE                 also write the figures as JSON
          --units FILE                the national list of units (default reference/vn-admin-units-2025-03.csv in the repository)
          --work DIR                  where the generated files and the SQLite database go (default: the temp folder)
          --seed N                    scores and changes (default 2024)
          --changes N                 propagation: single changes timed (default 2000 national, 500 province)
          --sql-samples N             propagation: SQL group rankings timed (default 200)
          --writers N                 durable writes: concurrent writers (default 64)
          --write-seconds N           durable writes: duration (default 30)
          --connections N             HTTP: concurrent connections (default 64)
          --http-seconds N            HTTP: duration per target (default 10)
          --http-tool auto|wrk|builtin  HTTP load generator (default auto: wrk if installed)
          --recompute-runs N          recompute: timed runs, median reported (default 5)
          --csv-parsers               only time Sylvan.Data.Csv against CsvHelper on the generated scores.csv, then stop
          --stop-after PHASE          cold|recompute|propagation|writes: skip the phases after it (for profiling)
        """;

    public string Scale { get; init; } = "national";
    public string Province { get; init; } = "01";
    public string? Json { get; init; }
    public string Units { get; init; } = "";
    public string? Work { get; init; }
    public string WebRoot { get; init; } = "";
    public int Seed { get; init; } = 2024;
    public int Changes { get; init; }
    public int SqlSamples { get; init; } = 200;
    public int Writers { get; init; } = 64;
    public int WriteSeconds { get; init; } = 30;
    public int Connections { get; init; } = 64;
    public int HttpSeconds { get; init; } = 10;
    public string HttpTool { get; init; } = "auto";
    public int RecomputeRuns { get; init; } = 5;
    public bool Help { get; init; }
    public string? StopAfter { get; init; }
    public bool CsvParsers { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        int? changes = null;
        string? units = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{args[i]} needs a positive whole number.");
            o = args[i] switch
            {
                "--scale" => o with { Scale = Value() is "national" or "province" ? args[i] : throw new ArgumentException("--scale is national or province.") },
                "--province" => o with { Province = Value() },
                "--json" => o with { Json = Value() },
                "--units" => o with { Units = units = Value() },
                "--work" => o with { Work = Value() },
                "--seed" => o with { Seed = Int() },
                "--changes" => o with { Changes = (changes = Int()).Value },
                "--sql-samples" => o with { SqlSamples = Int() },
                "--writers" => o with { Writers = Int() },
                "--write-seconds" => o with { WriteSeconds = Int() },
                "--connections" => o with { Connections = Int() },
                "--http-seconds" => o with { HttpSeconds = Int() },
                "--http-tool" => o with { HttpTool = Value() is "auto" or "wrk" or "builtin" ? args[i] : throw new ArgumentException("--http-tool is auto, wrk or builtin.") },
                "--recompute-runs" => o with { RecomputeRuns = Int() },
                "--stop-after" => o with { StopAfter = Value() },
                "--csv-parsers" => o with { CsvParsers = true },
                "-h" or "--help" => o with { Help = true },
                var other => throw new ArgumentException($"Unknown option {other}."),
            };
        }
        var repo = FindRepository();
        units ??= Path.GetFullPath(Path.Combine(repo, "reference", "vn-admin-units-2025-03.csv"));
        if (!o.Help && !File.Exists(units)) throw new ArgumentException($"No list of units at {units}; give one with --units.");
        return o with
        {
            Units = units,
            Changes = changes ?? (o.Scale == "national" ? 2000 : 500),
            WebRoot = Path.Combine(repo, "src", "Web"),
        };
    }

    /// <summary>The repository's root: the folder with ParIndex.sln above the working directory or the program.</summary>
    private static string FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ParIndex.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
