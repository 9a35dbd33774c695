namespace Jichitai.Web.Startup;

/// <summary>Host settings from configuration section "Jichitai" (appsettings, environment JICHITAI__*, or command line).</summary>
public sealed class JichitaiWebOptions
{
    public bool MigrateOnStartup { get; set; }
    public bool SeedDemo { get; set; }
    public int SessionTimeoutMinutes { get; set; } = 20;
    public int CheckpointIntervalMinutes { get; set; } = 10;
    /// <summary>Public authenticity checks per client address and minute (the codes are unguessable; this stops wholesale guessing).</summary>
    public int VerifyPermitsPerMinute { get; set; } = 30;
}
