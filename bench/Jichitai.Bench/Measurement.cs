using System.Diagnostics;

namespace Jichitai.Bench;

/// <summary>Measured operations: how many, how long in wall time, and each operation's latency.</summary>
internal sealed record Measurement(string Label, int Operations, double Units, TimeSpan Elapsed, double[] LatenciesMs)
{
    /// <summary>Throughput in units (rows appended or rows verified/read) per second of wall time.</summary>
    public double PerSecond => Units / Elapsed.TotalSeconds;
    public double MeanMs => LatenciesMs.Average();
    public double P95Ms => Percentile(0.95);
    public double MaxMs => LatenciesMs.Max();

    private double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length); // nearest rank
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Several rounds of the same variant as one measurement: wall times add up, latencies pool.</summary>
    public static Measurement Combine(IReadOnlyList<Measurement> parts) => new(
        parts[0].Label, parts.Sum(p => p.Operations), parts.Sum(p => p.Units),
        TimeSpan.FromTicks(parts.Sum(p => p.Elapsed.Ticks)), [.. parts.SelectMany(p => p.LatenciesMs)]);
}

/// <summary>Runs an operation a fixed number of times on a fixed number of concurrent writers, timed with <see cref="Stopwatch"/>.</summary>
internal static class Runner
{
    /// <param name="op">Called with (writer, operation index); indices run from <paramref name="firstIndex"/> and are unique over the whole run.</param>
    public static async Task<Measurement> MeasureAsync(string label, int writers, int firstIndex, int count, double unitsPerOp,
        Func<int, int, CancellationToken, Task> op, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var latencies = new double[count];
        var wall = Stopwatch.StartNew();
        await RunAsync(writers, firstIndex, count, op, latencies, ct);
        wall.Stop();
        return new Measurement(label, count, count * unitsPerOp, wall.Elapsed, latencies);
    }

    /// <summary>Unmeasured operations (JIT, connection pools, EF's model and query caches, the chain head rows).</summary>
    public static Task WarmUpAsync(int writers, int firstIndex, int count, Func<int, int, CancellationToken, Task> op, CancellationToken ct) =>
        count == 0 ? Task.CompletedTask : RunAsync(writers, firstIndex, count, op, null, ct);

    /// <summary>Operation k (0 ≤ k &lt; count) runs on writer k % writers; every writer is its own loop on the thread pool.</summary>
    private static async Task RunAsync(int writers, int firstIndex, int count, Func<int, int, CancellationToken, Task> op,
        double[]? latencies, CancellationToken ct)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, Math.Min(writers, count)).Select(w => Task.Run(async () =>
        {
            start.Wait(ct);
            for (var k = w; k < count; k += writers)
            {
                var t0 = Stopwatch.GetTimestamp();
                await op(w, firstIndex + k, ct);
                if (latencies is not null) latencies[k] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        }, ct)).ToArray();
        start.Set();
        await Task.WhenAll(tasks);
    }
}

/// <summary>What else the machine was doing: benchmarks print it before and after, since other work adds noise.</summary>
internal static class Machine
{
    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }
}
