using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Evidence;
using ParIndex.Silo.Persistence;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>A disk that fills up during an upload: a 503 saying so (not a 500), nothing left behind, and /readyz says it too.</summary>
public class EvidenceDiskFullTests
{
    private const string Work = "/cycles/par-2020-06/units/01834/cham-diem";

    [Fact]
    public Task A_full_disk_is_a_503_with_the_reason_leaves_no_temporary_file_and_readyz_says_so() => OwnDemoApp.RunUnpublishedAsync(async demo =>
    {
        var clock = new ManualClock();
        var folder = Path.Combine(Path.GetDirectoryName(demo.DatabasePath)!, "evidence-full");
        await using var app = demo.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(new EvidenceOptions(folder));
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<EvidenceStore, DiskFillsUp>();
        }));
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        var disk = (DiskFillsUp)app.Services.GetRequiredService<EvidenceStore>();
        var readyz = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await readyz.GetAsync("/readyz")).StatusCode);

        disk.Full = true;
        var refused = await unit.UploadAsync(Work, "1.1", "ke-hoach.pdf", Files.Pdf());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Hết dung lượng lưu trữ", await Staff.HtmlAsync(refused));
        Assert.True(disk.Written > 0, "the failure came after some bytes, as a disk filling up does");
        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)); // no temporary file left
        Assert.Empty(await disk.ListAsync("par-2020-06", "01834"));
        clock.Advance(TimeSpan.FromSeconds(5)); // past the probe's cache, within the minute a full disk is remembered
        var ready = await readyz.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Hết dung lượng lưu trữ", await ready.Content.ReadAsStringAsync());

        // Room again: after that minute the probe decides (there is room), and the same upload goes through.
        disk.Full = false;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("Healthy", await readyz.GetStringAsync("/readyz"));
        Assert.Equal(HttpStatusCode.Redirect, (await unit.UploadAsync(Work, "1.1", "ke-hoach.pdf", Files.Pdf())).StatusCode);
        Assert.Single(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    });

    /// <summary>The evidence store on a disk that, while <see cref="Full"/>, takes a few bytes of a file and then fails with ENOSPC.</summary>
    private sealed class DiskFillsUp(IDbContextFactory<ParIndexDbContext> contexts, EvidenceOptions options, TimeProvider clock) : EvidenceStore(contexts, options, clock)
    {
        public volatile bool Full;
        private long _written;
        public long Written => Interlocked.Read(ref _written);

        protected override Stream CreateTemporary(string path)
        {
            var file = base.CreateTemporary(path);
            return Full ? new FillingUp(file, room: 8, written => Interlocked.Add(ref _written, written)) : file;
        }
    }

    /// <summary>Writes through until <c>room</c> bytes are written, then fails as Linux does when a disk is full (errno 28).</summary>
    private sealed class FillingUp(Stream inner, long room, Action<long> wrote) : Stream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var fits = (int)Math.Min(buffer.Length, room);
            await inner.WriteAsync(buffer[..fits], cancellationToken);
            await inner.FlushAsync(cancellationToken);
            room -= fits;
            wrote(fits);
            if (fits < buffer.Length) throw new IOException("No space left on device", 28);
        }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override void Flush() => inner.Flush();
        public override ValueTask DisposeAsync() => inner.DisposeAsync();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
