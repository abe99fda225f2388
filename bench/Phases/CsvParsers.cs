using System.Diagnostics;
using CsvReader = CsvHelper.CsvReader;
using CsvReaderOptions = CsvHelper.CsvReaderOptions;
using Sylvan.Data.Csv;

namespace ParIndex.Bench.Phases;

/// <summary>
/// Issue 15's choice of CSV parser, measured: Sylvan.Data.Csv and CsvHelper read the national scores.csv
/// the same way (every field of every record taken as a string, as ParIndex's reader does), median of runs.
/// </summary>
public static class CsvParsers
{
    public sealed record Figure(string Parser, double MedianMs, double AllocatedMb, long Records, long Characters);

    public static IReadOnlyList<Figure> Run(string file, int runs)
    {
        var parsers = new (string Name, Func<TextReader, (long, long)> Read)[] { ("Sylvan.Data.Csv 1.4.4", Sylvan), ("CsvHelper 34.0.0", Helper) };
        var figures = new List<Figure>();
        foreach (var (name, read) in parsers)
        {
            read(File.OpenText(file)); // warm up: JIT, file cache
            var times = new List<double>();
            double allocated = 0;
            (long Records, long Characters) counted = default;
            for (int run = 0; run < runs; run++)
            {
                using var reader = File.OpenText(file);
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                counted = read(reader);
                times.Add(clock.Elapsed.TotalMilliseconds);
                allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0;
            }
            times.Sort();
            figures.Add(new Figure(name, times[times.Count / 2], allocated, counted.Records, counted.Characters));
        }
        return figures;
    }

    private static (long, long) Sylvan(TextReader reader)
    {
        long records = 0, characters = 0;
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',', CsvStyle = CsvStyle.Standard });
        while (csv.Read())
        {
            records++;
            for (int i = 0; i < csv.RowFieldCount; i++) characters += csv.GetString(i).Length;
        }
        return (records, characters);
    }

    private static (long, long) Helper(TextReader reader)
    {
        long records = 0, characters = 0;
        // As ParIndex would use it: separator given, no header handling, every line counted, malformed records reported.
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true, OnMalformedRecord = _ => { } };
        using var csv = CsvReader.Create(reader, options);
        while (csv.Read())
        {
            records++;
            for (int i = 0; i < csv.FieldCount; i++) characters += csv.GetString(i).Length;
        }
        return (records, characters);
    }
}
