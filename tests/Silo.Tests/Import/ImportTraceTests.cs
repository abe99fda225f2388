using System.Text;
using ParIndex.Silo.Import;

namespace ParIndex.Silo.Tests.Import;

/// <summary>Any imported value can be traced to its line of the stored copy; the lines below are counted by hand.</summary>
public class ImportTraceTests
{
    // 1 header · 2 · 3–4 a note over two lines · 5 blank · 6 · 7 replaces 6 · 8 another unit's row naming 1.1 in its note.
    private const string File =
        "unit_code,item_code,kind,value,note\n" +
        "06-SNV,1.1,self,1,\n" +
        "06-SNV,1.1,appraised,0.5,\"Thiếu hồ sơ\nbổ sung sau\"\n" +
        "\n" +
        "06-SCT,1.2,appraised,2,\n" +
        "06-SCT,1.2,appraised,1.5,Đã trừ 0.5\n" +
        "06-SXD,1.2,self,1,\"06-SNV,1.1\"\n";

    private static Stream Bytes(string text, bool bom = false) =>
        new MemoryStream([.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public void The_rows_of_a_unit_and_item_are_found_at_the_lines_they_start_on()
    {
        var rows = ImportTrace.Find(Bytes(File), "06-SNV", "1.1");
        Assert.Equal([2, 3], rows.Select(r => r.Line));
        Assert.Equal(("appraised", "0.5", "Thiếu hồ sơ\nbổ sung sau"), (rows[1].Kind, rows[1].Value, rows[1].Note));
        Assert.Equal([6, 7], ImportTrace.Find(Bytes(File), "06-SCT", "1.2").Select(r => r.Line));
        Assert.Equal([8], ImportTrace.Find(Bytes(File), "06-SXD").Select(r => r.Line));
        Assert.Empty(ImportTrace.Find(Bytes(File), "06-SCT", "1.1"));
    }

    [Fact]
    public void A_crlf_file_with_a_byte_order_mark_gives_the_same_lines()
    {
        var crlf = File.Replace("\n", "\r\n");
        Assert.Equal([2, 3], ImportTrace.Find(Bytes(crlf, bom: true), "06-SNV", "1.1").Select(r => r.Line));
        Assert.Equal([6, 7], ImportTrace.Find(Bytes(crlf, bom: true), "06-SCT", "1.2").Select(r => r.Line));
        Assert.Equal("Thiếu hồ sơ\r\nbổ sung sau", ImportTrace.Find(Bytes(crlf), "06-SNV", "1.1")[1].Note);
    }

    [Fact]
    public void Reading_stops_after_the_units_last_line()
    {
        Assert.Equal([6], ImportTrace.Find(Bytes(File), "06-SCT", lastLine: 6).Select(r => r.Line));
        Assert.Equal([2, 3], ImportTrace.Find(Bytes(File), "06-SNV", lastLine: 3).Select(r => r.Line));
    }

    [Fact]
    public void A_file_without_the_columns_has_nothing_to_find() =>
        Assert.Empty(ImportTrace.Find(Bytes("a,b\n06-SNV,1.1\n"), "06-SNV", "1.1"));
}
