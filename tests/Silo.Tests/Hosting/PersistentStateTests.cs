using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Abstractions;
using ParIndex.Silo.Hosting;

namespace ParIndex.Silo.Tests.Hosting;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task A_new_state_has_no_record_until_it_is_written()
    {
        var storage = new InMemoryGrainStorage<CounterState>();
        var state = new PersistentState<CounterState>("k", storage);

        await state.ReadStateAsync();
        Assert.False(state.RecordExists);
        Assert.Null(state.Etag);
        Assert.Equal(0, state.State.Count);

        state.State.Count = 5;
        await state.WriteStateAsync();

        Assert.True(state.RecordExists);
        Assert.Equal("1", state.Etag);
    }

    [Fact]
    public async Task Each_write_gets_a_new_etag_and_a_reader_sees_the_last_write()
    {
        var storage = new InMemoryGrainStorage<CounterState>();
        var writer = new PersistentState<CounterState>("k", storage);
        writer.State.Count = 1;
        await writer.WriteStateAsync();
        writer.State.Count = 2;
        await writer.WriteStateAsync();

        var reader = new PersistentState<CounterState>("k", storage);
        await reader.ReadStateAsync();

        Assert.Equal("2", writer.Etag);
        Assert.Equal("2", reader.Etag);
        Assert.Equal(2, reader.State.Count);
    }

    [Fact]
    public async Task A_second_writer_with_a_stale_etag_fails_instead_of_overwriting()
    {
        var storage = new InMemoryGrainStorage<CounterState>();
        var first = new PersistentState<CounterState>("k", storage);
        var second = new PersistentState<CounterState>("k", storage);
        await first.ReadStateAsync();
        await second.ReadStateAsync();
        first.State.Count = 1;
        await first.WriteStateAsync();

        second.State.Count = 99;
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => second.WriteStateAsync());

        Assert.Equal("k", error.GrainKey);
        Assert.Null(error.ExpectedEtag);
        Assert.Equal("1", error.StoredEtag);
        Assert.Null(second.Etag); // unchanged by the failed write
        var check = new PersistentState<CounterState>("k", storage);
        await check.ReadStateAsync();
        Assert.Equal(1, check.State.Count);

        // After reloading, the second writer can write.
        await second.ReadStateAsync();
        second.State.Count = 2;
        await second.WriteStateAsync();
        Assert.Equal("2", second.Etag);
    }

    [Fact]
    public async Task Of_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        var storage = new InMemoryGrainStorage<CounterState>();
        await storage.WriteAsync("k", new CounterState(), null, CancellationToken.None);

        var writes = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync("k", new CounterState { Count = i }, "1", CancellationToken.None);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Single(writes, won => won);
        Assert.Equal("2", (await storage.ReadAsync("k", CancellationToken.None)).Etag);
    }

    [Fact]
    public async Task The_in_memory_storage_keeps_a_copy_not_the_writers_object()
    {
        var storage = new InMemoryGrainStorage<CounterState>();
        var state = new CounterState { Count = 1 };
        await storage.WriteAsync("k", state, null, CancellationToken.None);

        state.Count = 42; // changed but not written

        var (read, _) = await storage.ReadAsync("k", CancellationToken.None);
        Assert.Equal(1, read.Count);
        Assert.NotSame(state, read);
    }

    [Fact]
    public async Task The_state_factory_uses_the_storage_registered_for_the_state_type()
    {
        var storage = new InMemoryGrainStorage<CounterState>();
        await storage.WriteAsync("k", new CounterState { Count = 7 }, null, CancellationToken.None);
        await using var provider = new ServiceCollection()
            .AddSingleton<IGrainStorage<CounterState>>(storage)
            .AddGrainHost()
            .AddInMemoryGrainStorage() // does not replace the storage registered above
            .BuildServiceProvider();

        var state = provider.GetRequiredService<IPersistentStateFactory>().Create<CounterState>("k");
        await state.ReadStateAsync();

        Assert.Equal(7, state.State.Count);
        Assert.Equal("1", state.Etag);
    }
}
