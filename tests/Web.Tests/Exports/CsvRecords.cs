using System.Text;

namespace ParIndex.Web.Tests.Exports;

/// <summary>Strict RFC 4180 reading for tests: CRLF between records, quoted fields may hold commas, quotes and breaks.</summary>
public static class CsvRecords
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r')
            {
                Assert.Equal('\n', text[++i]);
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                Assert.NotEqual('\n', c); // a bare LF would not be RFC 4180
                field.Append(c);
            }
        }
        Assert.True(field.Length == 0 && record.Count == 0, "The last record must end with CRLF.");
        return records;
    }
}
