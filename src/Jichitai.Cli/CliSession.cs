using Jichitai.Platform;
using Jichitai.Platform.Logging;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jichitai.Cli;

/// <summary>One command's services, wired as the server wires them, over the resolved database.</summary>
internal sealed class CliSession : IAsyncDisposable
{
    public PlatformSettings Settings { get; }
    public ServiceProvider Services { get; }
    public CliIO IO { get; }
    public IAnsiConsole Console { get; }
    /// <summary>The CLI is the operator's tool: entries name the operating-system user.</summary>
    public AuditActor Actor { get; } = AuditActor.Cli();

    public CliSession(PlatformSettings settings, CliIO io)
    {
        Settings = settings;
        IO = io;
        Console = io.CreateConsole();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddPersonalDataRedaction());
        services.AddDataProtection();
        services.AddJichitaiPlatform(settings);
        Jichitai.Registry.RegistryModule.AddRegistryModule(services);
        Jichitai.Linkage.LinkageModule.AddLinkageModule(services);
        Jichitai.Care.CareModule.AddCareModule(services);
        Services = services.BuildServiceProvider();
    }

    /// <summary>A DI scope for administrative work: its unit of work runs in System scope.</summary>
    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        return scope;
    }

    public void Line(string markup) => Console.MarkupLine(markup);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
