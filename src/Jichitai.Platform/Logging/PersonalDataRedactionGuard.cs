using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jichitai.Platform.Logging;

/// <summary>
/// Fails host start-up when something registered after <see cref="PersonalDataLoggingBuilderExtensions.AddPersonalDataRedaction"/>
/// replaced the application's <see cref="ILoggerFactory"/> (for example a third-party logging package), which would silently switch
/// the redaction off.
/// </summary>
internal sealed class PersonalDataRedactionGuard(ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureActive(loggerFactory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void EnsureActive(ILoggerFactory loggerFactory)
    {
        if (loggerFactory is not PersonalDataRedactingLoggerFactory)
        {
            throw new InvalidOperationException(
                $"Personal-data log redaction is not active: the ILoggerFactory is {loggerFactory.GetType().FullName}. " +
                "Something registered its own ILoggerFactory after AddPersonalDataRedaction(); call AddPersonalDataRedaction() last.");
        }
    }
}
