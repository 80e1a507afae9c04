using SplitBrain.Lab.Tests.Support;

namespace SplitBrain.Lab.Tests;

/// <summary>The lab's two coordinators: the embedded lease service on a clock the test moves, and a real etcd.</summary>
public sealed class Leases
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);

    [Fact]
    public void Embedded_grants_one_holder_at_a_time_with_rising_tokens_from_33()
    {
        var clock = new ManualClock();
        var service = new EmbeddedLeaseService(Ttl, time: clock);

        var first = service.Grant("client-1");
        Assert.Null(service.Grant("client-2"));
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.True(service.KeepAlive(first!.Value.LeaseId));
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal("client-1", service.Holder);

        clock.Advance(TimeSpan.FromSeconds(2));
        var second = service.Grant("client-2");

        Assert.Equal((33L, 34L), (first.Value.Token.Value, second!.Value.Token.Value));
        Assert.False(service.KeepAlive(first.Value.LeaseId));
        Assert.Equal("client-2", service.Holder);
    }

    [Fact]
    public void Embedded_release_frees_the_lease_at_once_and_bad_settings_name_the_parameter()
    {
        var service = new EmbeddedLeaseService(Ttl, firstToken: 7, time: new ManualClock());
        var grant = service.Grant("A")!.Value;
        service.Release(grant.LeaseId);

        Assert.Equal(8, service.Grant("B")!.Value.Token.Value);
        Assert.Equal("ttl", Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddedLeaseService(TimeSpan.Zero)).ParamName);
        Assert.Equal("firstToken", Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddedLeaseService(Ttl, firstToken: 0)).ParamName);
        Assert.Equal("address", Assert.Throws<ArgumentException>(() => new EmbeddedLeaseClient("no-port", Ttl)).ParamName);
    }

    [Fact]
    public async Task Embedded_over_loopback_keeps_the_lease_alive_and_hands_it_on_after_release()
    {
        // A longer lease than the lab's, so that a busy test machine cannot starve the keep-alive past it.
        var ttl = TimeSpan.FromSeconds(4);
        await using var server = new EmbeddedLeaseServer(new EmbeddedLeaseService(ttl));
        await using var one = new EmbeddedLeaseClient(server.Address, ttl);
        await using var two = new EmbeddedLeaseClient(server.Address, ttl);

        var held = await one.TryAcquireAsync("client-1");
        Assert.NotNull(held);
        await Task.Delay(ttl * 1.5);   // renewed a few times per TTL, so still held past the first TTL
        Assert.False(held.Lost.IsCompleted);
        Assert.Null(await two.TryAcquireAsync("client-2"));

        await held.DisposeAsync();
        await using var next = await two.TryAcquireAsync("client-2");
        Assert.True(next!.Token > held.Token);
    }

    [EtcdFact]
    public async Task Etcd_tokens_are_create_revisions_that_rise_with_each_grant()
    {
        var folder = Directory.CreateTempSubdirectory("splitbrain-lab-etcd-");
        try
        {
            await using var etcd = await EtcdCluster.StartAsync(1, folder.FullName);
            await using var one = new EtcdLeaseCoordinator(etcd.Endpoints, Ttl);
            await using var two = new EtcdLeaseCoordinator(etcd.Endpoints, Ttl);

            var held = await one.TryAcquireAsync("client-1");
            Assert.NotNull(held);
            Assert.Null(await two.TryAcquireAsync("client-2"));
            await held.DisposeAsync();
            Assert.True(await Task.WhenAny(held.Lost, Task.Delay(TimeSpan.FromSeconds(30))) == held.Lost, "releasing ends the keep-alive");

            await using var next = await two.TryAcquireAsync("client-2");
            Assert.True(next!.Token > held.Token, $"{next.Token} after {held.Token}");
            Assert.Equal("ttl", Assert.Throws<ArgumentOutOfRangeException>(() => new EtcdLeaseCoordinator(etcd.Endpoints, TimeSpan.FromSeconds(1))).ParamName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
