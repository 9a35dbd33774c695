using Jichitai.Platform.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jichitai.Platform.Tests.Logging;

/// <summary>The whole pipeline as hosts wire it: AddLogging + AddPersonalDataRedaction + providers, resolved from a real container.</summary>
public sealed class PersonalDataRedactionTests : IDisposable
{
    private const string Name = "山田太郎";
    private const string Kana = "ヤマダタロウ";
    private const string Address = "東京都千代田区千代田1-1";
    private const string MyNumber = "123456789018";

    private readonly CapturingLoggerProvider _capture = new();
    private readonly ServiceProvider _services;
    private readonly ILogger _logger;

    public PersonalDataRedactionTests()
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            b.AddPersonalDataRedaction();
            b.AddProvider(_capture);
        });
        _services = services.BuildServiceProvider();
        _logger = _services.GetRequiredService<ILogger<PersonalDataRedactionTests>>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public void PersonalDataParameter_of_a_LoggerMessage_is_erased_by_the_redaction_pipeline()
    {
        // "subject" names no personal data and the value has no digits: only [PersonalData] can remove it.
        ResidentLog.SubjectChecked(_logger, Name, "131016");

        CapturedLog log = _capture.Single();
        Assert.Equal("照会対象  を確認しました (tenant 131016)", log.Message);
        Assert.Equal("", log.Value("subject"));
        Assert.Equal("131016", log.Value("tenantCode"));
        Assert.DoesNotContain(Name, log.AllText());
    }

    [Fact]
    public void PersonalData_name_parameter_never_shows_the_name()
    {
        ResidentLog.ResidentRegistered(_logger, Name, 25);

        CapturedLog log = _capture.Single();
        Assert.DoesNotContain(Name, log.AllText());
        Assert.Equal("Resident  registered in 25 rows", log.Message);
        Assert.Equal(25, log.Value("rows"));
    }

    [Fact]
    public void Unclassified_LoggerMessage_parameters_are_scrubbed_by_key_and_by_pattern()
    {
        ResidentLog.LookupFailed(_logger, MyNumber, Kana);

        CapturedLog log = _capture.Single();
        Assert.Equal("Lookup by [REDACTED:MYNUMBER] for [REDACTED] failed", log.Message);
        Assert.DoesNotContain(Kana, log.AllText());
        Assert.DoesNotContain(MyNumber, log.AllText());
    }

    [Fact]
    public void Structured_values_under_personal_data_keys_are_redacted()
    {
        _logger.LogInformation("resident {ResidentName} at {Address}", Name, Address);

        CapturedLog log = _capture.Single();
        Assert.Equal("resident [REDACTED] at [REDACTED]", log.Message);
        Assert.Equal("[REDACTED]", log.Value("ResidentName"));
        Assert.Equal("[REDACTED]", log.Value("Address"));
        Assert.Equal("resident {ResidentName} at {Address}", log.Value("{OriginalFormat}"));
        Assert.DoesNotContain(Name, log.AllText());
        Assert.DoesNotContain("千代田", log.AllText());
    }

    [Fact]
    public void Format_specifiers_do_not_let_a_personal_data_value_through()
    {
        var birthDate = new DateOnly(1980, 4, 1);
        _logger.LogInformation("born {BirthDate:yyyy年M月d日}, {Count} documents", birthDate, 3);

        CapturedLog log = _capture.Single();
        Assert.Equal("born [REDACTED], 3 documents", log.Message);
        Assert.DoesNotContain("1980", log.AllText());
        Assert.Equal(3, log.Value("Count"));
    }

    [Fact]
    public void My_number_in_free_text_is_masked()
    {
        _logger.LogWarning("個人番号 123456789018 を照会");

        CapturedLog log = _capture.Single();
        Assert.Equal("個人番号 [REDACTED:MYNUMBER] を照会", log.Message);
        Assert.DoesNotContain(MyNumber, log.AllText());
    }

    [Theory]
    [InlineData("住民票コード {Code} を発行", "12345678901", "住民票コード [REDACTED:RESIDENTCODE] を発行")]
    [InlineData("連絡先 {Contact}", "03-1234-5678", "連絡先 [REDACTED:PHONE]")]
    [InlineData("連絡先 {Contact}", "090-1234-5678", "連絡先 [REDACTED:PHONE]")]
    [InlineData("送付先 {Destination}", "〒100-0001", "送付先 [REDACTED:POSTALCODE]")]
    [InlineData("送付先 {Destination}", "100-0001", "送付先 [REDACTED:POSTALCODE]")]
    [InlineData("照合 {Reference}", "ref 9876543", "照合 ref [REDACTED:NUMBER]")]
    [InlineData("個人番号 {Value}", "１２３４５６７８９０１８", "個人番号 [REDACTED:MYNUMBER]")]
    public void Number_patterns_in_values_are_masked(string template, string value, string expected)
    {
        _logger.LogInformation(template, value);

        CapturedLog log = _capture.Single();
        Assert.Equal(expected, log.Message);
        Assert.DoesNotContain(value, log.AllText());
    }

    [Fact]
    public void Numbers_split_across_holes_are_masked_in_the_message()
    {
        _logger.LogInformation("tel {Area}-{Exchange}-{Line}", "03", "1234", "5678");

        Assert.Equal("tel [REDACTED:PHONE]", _capture.Single().Message);
    }

    [Fact]
    public void Long_numbers_passed_as_numbers_are_masked()
    {
        _logger.LogInformation("照会 {Value}", 123456789018L);

        CapturedLog log = _capture.Single();
        Assert.Equal("照会 [REDACTED:MYNUMBER]", log.Message);
        Assert.Equal("[REDACTED:MYNUMBER]", log.Value("Value"));
    }

    [Theory]
    [InlineData("processed 25 rows in 3 ms")]
    [InlineData("tenant 131016 created")]
    [InlineData("applied 12 migrations at 2025-11-25T11:30:00.1234567+09:00")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7")]
    [InlineData("request 0HN7M2B3K4L5P:00000001 on 192.168.100.200:8080")]
    [InlineData("correlation 3f2504e0-4f89-11d3-9a0c-030512345678")]
    [InlineData("Executing endpoint 'Residents.Search' in 1.2345678 s")]
    public void Ordinary_messages_are_left_intact(string message)
    {
        _logger.LogInformation(message);

        Assert.Equal(message, _capture.Single().Message);
    }

    [Fact]
    public void Ordinary_structured_values_keep_their_values_and_types()
    {
        _logger.LogInformation("processed {Rows} rows in {Elapsed} ms for tenant {TenantCode} on {EndpointName}", 25, 3, "131016", "Residents.Search");

        CapturedLog log = _capture.Single();
        Assert.Equal("processed 25 rows in 3 ms for tenant 131016 on Residents.Search", log.Message);
        Assert.Equal(25, log.Value("Rows"));
        Assert.Equal(3, log.Value("Elapsed"));
        Assert.Equal("131016", log.Value("TenantCode"));
        Assert.Equal("Residents.Search", log.Value("EndpointName"));
    }

    [Fact]
    public void Exception_text_with_a_my_number_is_masked()
    {
        InvalidOperationException exception = Throw(new InvalidOperationException("個人番号 123456789018 は登録済みです",
            new FormatException("住民票コード 12345678901 が不正")));

        _logger.LogError(exception, "registration failed");

        CapturedLog log = _capture.Single();
        Assert.Equal("registration failed", log.Message);
        Assert.NotNull(log.Exception);
        string text = log.Exception.ToString();
        Assert.DoesNotContain(MyNumber, log.AllText());
        Assert.DoesNotContain("12345678901", log.AllText());
        Assert.StartsWith("System.InvalidOperationException: 個人番号 [REDACTED:MYNUMBER] は登録済みです", text);
        Assert.Contains("住民票コード [REDACTED:RESIDENTCODE] が不正", text);
        Assert.Contains(nameof(Throw), text); // the stack trace survives
        Assert.Equal("個人番号 [REDACTED:MYNUMBER] は登録済みです", log.Exception.Message);
    }

    [Fact]
    public void Exceptions_without_personal_data_are_passed_through_unchanged()
    {
        var exception = new TimeoutException("timed out after 30 s");

        _logger.LogError(exception, "query failed");

        Assert.Same(exception, _capture.Single().Exception);
    }

    [Fact]
    public void Scope_values_are_scrubbed()
    {
        using (_logger.BeginScope("resident {ResidentName}", Name))
        using (_logger.BeginScope("個人番号 123456789018"))
        using (_logger.BeginScope("tenant {TenantCode}", "131016"))
        {
            _logger.LogInformation("lookup");
        }

        CapturedLog log = _capture.Single();
        Assert.Equal(["resident [REDACTED]", "個人番号 [REDACTED:MYNUMBER]", "tenant 131016"], log.Scopes);
        Assert.DoesNotContain(Name, log.AllText());
        Assert.DoesNotContain(MyNumber, log.AllText());
    }

    [Fact]
    public void Providers_added_before_the_call_and_at_run_time_are_covered_too()
    {
        var before = new CapturingLoggerProvider();
        var atRunTime = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.AddProvider(before);
            b.AddPersonalDataRedaction();
            b.AddPersonalDataRedaction(); // idempotent
            b.EnableRedaction(); // a host enabling Microsoft's redaction again changes nothing
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILoggerFactory>();
        factory.AddProvider(atRunTime);

        factory.CreateLogger("test").LogInformation("resident {ResidentName}, 個人番号 {Number}", Name, MyNumber);

        foreach (CapturingLoggerProvider capture in new[] { before, atRunTime })
        {
            Assert.Equal("resident [REDACTED], 個人番号 [REDACTED:MYNUMBER]", capture.Single().Message);
        }
    }

    [Fact]
    public void Provider_filter_rules_still_apply()
    {
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.AddPersonalDataRedaction();
            b.AddProvider(capture);
            b.AddFilter<CapturingLoggerProvider>("Noisy", LogLevel.Warning);
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILoggerFactory>();

        factory.CreateLogger("Noisy").LogInformation("filtered out");
        factory.CreateLogger("Noisy").LogWarning("kept");

        Assert.Equal("kept", capture.Single().Message);
    }

    [Fact]
    public async Task Guard_fails_start_up_when_a_later_registration_replaces_the_logger_factory()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddPersonalDataRedaction());
        using (ServiceProvider ok = services.BuildServiceProvider())
        {
            ok.EnsurePersonalDataRedactionActive();
            foreach (IHostedService hosted in ok.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }
        }

        services.AddSingleton<ILoggerFactory, LoggerFactory>();
        using ServiceProvider replaced = services.BuildServiceProvider();
        Assert.Throws<InvalidOperationException>(replaced.EnsurePersonalDataRedactionActive);
        IHostedService guard = Assert.Single(replaced.GetServices<IHostedService>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => guard.StartAsync(CancellationToken.None));
    }

    private static T Throw<T>(T exception)
        where T : Exception
    {
        try
        {
            throw exception;
        }
        catch (T caught)
        {
            return caught;
        }
    }
}
