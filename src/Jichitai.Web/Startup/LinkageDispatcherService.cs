using Jichitai.Linkage.Delivery;

namespace Jichitai.Web.Startup;

/// <summary>Runs the 連携 dispatcher in the web host once the database is migrated (off with Jichitai:Linkage:DispatcherEnabled=false).</summary>
public sealed class LinkageDispatcherService(LinkageDispatcher dispatcher, LinkageOptions options, StartupState state) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.DispatcherEnabled) return;
        while (!state.Ready && !stoppingToken.IsCancellationRequested) await Task.Delay(200, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await dispatcher.RunAsync(stoppingToken);
    }
}
