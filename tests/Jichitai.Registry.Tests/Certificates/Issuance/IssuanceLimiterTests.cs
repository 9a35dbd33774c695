using Jichitai.Registry.Features.Certificates;

namespace Jichitai.Registry.Tests.Certificates.Issuance;

public class IssuanceLimiterTests
{
    [Fact]
    public async Task BeyondThePermits_RequestsWait_AndEnterInArrivalOrder()
    {
        using var limiter = new IssuanceLimiter(1);
        var first = await limiter.EnterAsync(default);
        var order = new List<int>();
        var second = Task.Run(async () => { using var _ = await limiter.EnterAsync(default); lock (order) order.Add(2); });
        await Task.Delay(50);
        var third = Task.Run(async () => { using var _ = await limiter.EnterAsync(default); lock (order) order.Add(3); });
        await Task.Delay(50);
        Assert.Empty(order); // both wait while the first holds the only permit
        first.Dispose();
        await Task.WhenAll(second, third);
        Assert.Equal([2, 3], order);
    }
}
