using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jichitai.Platform.Logging;

public static class PersonalDataLoggingBuilderExtensions
{
    /// <summary>
    /// Keeps residents' personal data out of every log provider (console, debug, OpenTelemetry, anything added before or after this
    /// call). Two layers:
    /// <list type="number">
    /// <item>Microsoft's redaction pipeline: <c>EnableRedaction()</c> plus <c>AddRedaction</c> with the <see cref="ErasingRedactor"/>
    /// for <see cref="PersonalDataTaxonomy.PersonalData"/> (and as the fallback for any other classification), so that
    /// <c>[LoggerMessage]</c> parameters marked <see cref="PersonalDataAttribute">[PersonalData]</see> are erased.</item>
    /// <item>A safety net in front of it, for free text: values under keys that name personal data (name, kana, address, birth,
    /// phone, myNumber, residentCode, 氏名, 住所, …) are replaced by <c>[REDACTED]</c>, and 12-digit (個人番号) and 11-digit
    /// (住民票コード) numbers, other runs of 7+ digits, phone numbers and postal codes are masked in messages, values, scopes and
    /// exception text.</item>
    /// </list>
    /// Call it once per host, e.g. <c>builder.Logging.AddPersonalDataRedaction()</c> right after <c>WebApplication.CreateBuilder</c>,
    /// or <c>services.AddLogging(b =&gt; b.AddPersonalDataRedaction())</c>; repeated calls are no-ops. Nothing registered afterwards may
    /// register its own <see cref="ILoggerFactory"/> (a hosted-service guard fails start-up if that happens).
    /// </summary>
    public static ILoggingBuilder AddPersonalDataRedaction(this ILoggingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(PersonalDataRedactionMarker)))
        {
            return builder;
        }

        services.AddSingleton<PersonalDataRedactionMarker>();

        // 1. Classified values: Microsoft's ExtendedLoggerFactory redacts them with the redactor registered for their classification.
        builder.EnableRedaction();
        services.AddRedaction(redaction => redaction
            .SetRedactor<ErasingRedactor>(PersonalDataTaxonomy.PersonalData)
            .SetFallbackRedactor<ErasingRedactor>());

        // 2. The safety net wraps that factory. EnableRedaction() added the ExtendedLoggerFactory with TryAddEnumerable, so its
        // descriptor stays in place (a later EnableRedaction()/EnableEnrichment() finds it and adds nothing) and ours, added after
        // it, is the one that ILoggerFactory resolves to. The inner factory is built by hand: it is ours to dispose.
        Type innerFactoryType = services
            .LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService
                && d.ImplementationType?.Assembly == typeof(LoggerRedactionOptions).Assembly)?.ImplementationType
            ?? throw new InvalidOperationException("EnableRedaction() did not register Microsoft.Extensions.Telemetry's logger factory.");
        services.Add(ServiceDescriptor.Singleton<ILoggerFactory>(sp =>
            new PersonalDataRedactingLoggerFactory((ILoggerFactory)ActivatorUtilities.CreateInstance(sp, innerFactoryType))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PersonalDataRedactionGuard>());
        return builder;
    }

    /// <summary>Throws when <paramref name="services"/> does not log through the personal-data redaction (for hosts without a generic host).</summary>
    public static void EnsurePersonalDataRedactionActive(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        PersonalDataRedactionGuard.EnsureActive(services.GetRequiredService<ILoggerFactory>());
    }

    private sealed class PersonalDataRedactionMarker;
}
