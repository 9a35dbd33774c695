using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Jichitai.Platform.Linkage;

namespace Jichitai.Linkage.Delivery;

/// <summary>The operator's view (OpenTelemetry meter "Jichitai.Linkage"): events delivered, latency, lag, failures, dead letters.</summary>
public sealed class LinkageMetrics : IDisposable
{
    private readonly Meter _meter = new(LinkageTelemetry.MeterName);
    private readonly ConcurrentDictionary<long, (int TenantId, string Name, long Lag)> _lag = new();

    public LinkageMetrics()
    {
        Delivered = _meter.CreateCounter<long>("jichitai.linkage.events.delivered", "{event}", "Events delivered to consumers");
        Latency = _meter.CreateHistogram<double>("jichitai.linkage.delivery.latency", "s", "From the commit of the change to its delivery");
        Failures = _meter.CreateCounter<long>("jichitai.linkage.delivery.failures", "{attempt}", "Failed delivery attempts");
        DeadLetters = _meter.CreateCounter<long>("jichitai.linkage.dead_letters", "{consumer}", "Consumers stopped after the maximum attempts");
        _meter.CreateObservableGauge("jichitai.linkage.lag", () => _lag.Select(kv => new Measurement<long>(kv.Value.Lag,
            new KeyValuePair<string, object?>("tenant", kv.Value.TenantId), new KeyValuePair<string, object?>("consumer", kv.Value.Name))), "{event}", "Events not yet delivered per consumer");
    }

    /// <summary>This instance's meter (tests listen to it alone: other hosts in the process share the meter name).</summary>
    internal Meter Meter => _meter;

    public Counter<long> Delivered { get; }
    public Histogram<double> Latency { get; }
    public Counter<long> Failures { get; }
    public Counter<long> DeadLetters { get; }

    public void ReportLag(long consumerId, int tenantId, string name, long lag) => _lag[consumerId] = (tenantId, name, lag);

    public void Dispose() => _meter.Dispose();
}
