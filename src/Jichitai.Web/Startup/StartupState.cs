namespace Jichitai.Web.Startup;

/// <summary>What the start-up work has reached; /health/ready reports it.</summary>
public sealed class StartupState
{
    private volatile bool _ready;
    private volatile string _status = "起動中 / starting";

    public bool Ready => _ready;
    public string Status => _status;
    public bool DemoSeeded { get; set; }

    public void Report(string status) => _status = status;
    public void MarkReady() { _status = "稼働中 / ready"; _ready = true; }
}
