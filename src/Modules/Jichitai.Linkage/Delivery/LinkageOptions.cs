namespace Jichitai.Linkage.Delivery;

/// <summary>Dispatcher settings (configuration section Jichitai:Linkage). The defaults suit production; tests shorten them.</summary>
public sealed class LinkageOptions
{
    /// <summary>Run the dispatcher in the web host (a separate `jichitai linkage dispatch` process may run too; leases keep them apart).</summary>
    public bool DispatcherEnabled { get; set; } = true;
    public int BatchSize { get; set; } = 200;
    /// <summary>How often to look for new events when no commit in this process woke the dispatcher.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>How long a dispatcher holds a consumer without renewing; after a crash another takes over when it runs out.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
    public int Parallelism { get; set; } = 4;
    /// <summary>Retries inside one attempt (Polly, exponential with jitter) before the attempt counts as failed.</summary>
    public int ImmediateRetries { get; set; } = 2;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Backoff between failed attempts: base × 2^(attempt−1) with jitter, at most <see cref="MaxBackoff"/>.</summary>
    public TimeSpan AttemptBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
    public int BatchesPerTurn { get; set; } = 20;

    public TimeSpan Backoff(int failedAttempts, double jitter) =>
        TimeSpan.FromTicks((long)(Math.Min(MaxBackoff.Ticks, AttemptBaseDelay.Ticks * Math.Pow(2, Math.Min(failedAttempts - 1, 30))) * (0.75 + jitter / 2)));
}
