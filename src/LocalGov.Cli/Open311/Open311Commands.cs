using System.CommandLine;
using System.Globalization;
using LocalGov.Cli.Infrastructure;
using LocalGov.Open311;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Cli.Open311;

/// <summary>The <c>localgov open311</c> group: a GeoReport v2 endpoint from the shell.</summary>
internal static class Open311Commands
{
    public static Command Create()
    {
        var group = new Command("open311", "Talk to an Open311 GeoReport v2 endpoint: list services, read a service definition, submit a report, read requests back.");
        group.Subcommands.Add(Services());
        group.Subcommands.Add(Service());
        group.Subcommands.Add(Submit());
        group.Subcommands.Add(Token());
        group.Subcommands.Add(Request());
        group.Subcommands.Add(Requests());
        return group;
    }

    /// <summary>The options every subcommand takes.</summary>
    private sealed class Common
    {
        public Option<string> Url { get; } = new("--url") { Description = "The endpoint base, e.g. https://example.gov.uk/open311/v2", Required = true };

        public Option<string> Format { get; } = new Option<string>("--format") { Description = "Response format: json (default) or xml.", DefaultValueFactory = _ => "json" }.AcceptOnlyFromAmong("json", "xml");

        public Option<string> Jurisdiction { get; } = new("--jurisdiction") { Description = "The jurisdiction_id, for endpoints serving several." };

        public Option<bool> Json { get; } = new("--json") { Description = "Print the answer as JSON with the spec's field names." };

        public void AddTo(Command command)
        {
            command.Options.Add(Url);
            command.Options.Add(Format);
            command.Options.Add(Jurisdiction);
            command.Options.Add(Json);
        }

        public ServiceProvider Build(CommandContext ctx, string? apiKey = null)
        {
            var url = ctx.GetValue(Url);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliUsageException($"--url must be an absolute http(s) URL, not '{url}'.");
            }

            var services = new ServiceCollection();
            services.AddOpen311Client(o =>
            {
                o.BaseAddress = uri;
                o.Format = ctx.GetValue(Format) == "xml" ? Open311Format.Xml : Open311Format.Json;
                o.JurisdictionId = ctx.GetValue(Jurisdiction);
                o.ApiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey;
            });
            return services.BuildServiceProvider();
        }
    }

    private static Command Services()
    {
        var common = new Common();
        var command = new Command("services", "The services the endpoint takes: one line per service (code, type, group, name; * when it has attributes).");
        common.AddTo(command);
        command.SetAction(async (ctx, ct) =>
        {
            await using var provider = common.Build(ctx);
            var services = await provider.GetRequiredService<Open311Client>().GetServicesAsync(ct).ConfigureAwait(false);
            if (ctx.GetValue(common.Json))
            {
                await ctx.WriteJsonAsync(services, Open311CliJsonContext.Default.IReadOnlyListOpen311Service).ConfigureAwait(false);
            }
            else
            {
                foreach (var s in services)
                {
                    await ctx.Output.WriteLineAsync($"{s.ServiceCode}{(s.Metadata ? "*" : "")}\t{Lower(s.Type)}\t{s.Group}\t{s.ServiceName}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Service()
    {
        var common = new Common();
        var code = new Argument<string>("code") { Description = "The service code." };
        var command = new Command("service", "A service's definition: one line per attribute (code, datatype, required, question), list values indented beneath.");
        command.Arguments.Add(code);
        common.AddTo(command);
        command.SetAction(async (ctx, ct) =>
        {
            await using var provider = common.Build(ctx);
            var definition = await provider.GetRequiredService<Open311Client>().GetServiceDefinitionAsync(ctx.GetValue(code)!, ct).ConfigureAwait(false);
            if (ctx.GetValue(common.Json))
            {
                await ctx.WriteJsonAsync(definition, Open311CliJsonContext.Default.Open311ServiceDefinition).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var a in definition.Attributes)
            {
                await ctx.Output.WriteLineAsync($"{a.Code}\t{a.DatatypeName ?? Lower(a.Datatype)}\t{(a.Required ? "required" : "optional")}{(a.Variable ? "" : " (information only)")}\t{a.Description}").ConfigureAwait(false);
                foreach (var v in a.Values)
                {
                    await ctx.Output.WriteLineAsync($"  {v.Key}\t{v.Name}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Submit()
    {
        var common = new Common();
        var service = new Option<string>("--service") { Description = "The service code.", Required = true };
        var lat = new Option<double?>("--lat") { Description = "WGS84 latitude (with --long)." };
        var lon = new Option<double?>("--long") { Description = "WGS84 longitude (with --lat)." };
        var address = new Option<string>("--address") { Description = "The place in words (address_string)." };
        var addressId = new Option<string>("--address-id") { Description = "The address id (address_id; a UPRN in the UK)." };
        var description = new Option<string>("--description") { Description = "What is wrong." };
        var email = new Option<string>("--email") { Description = "The reporter's email." };
        var firstName = new Option<string>("--first-name") { Description = "The reporter's first name." };
        var lastName = new Option<string>("--last-name") { Description = "The reporter's last name." };
        var phone = new Option<string>("--phone") { Description = "The reporter's phone number." };
        var mediaUrl = new Option<string>("--media-url") { Description = "A URL of a photo." };
        var attribute = new Option<string[]>("--attribute") { Description = "CODE=VALUE; repeat it (also for several values of a multi-value list).", AllowMultipleArgumentsPerToken = false };
        var apiKey = new Option<string>("--api-key") { Description = "The API key (default: $OPEN311_API_KEY); sent in the form body." };
        var check = new Option<bool>("--check") { Description = "Read the service definition first and refuse attributes that do not fit it (nothing is sent)." };
        var command = new Command("submit", "Submit a service request; prints the service_request_id, or the token to follow up with 'open311 token'.");
        foreach (var option in new Option[] { service, lat, lon, address, addressId, description, email, firstName, lastName, phone, mediaUrl, attribute, apiKey, check })
        {
            command.Options.Add(option);
        }

        common.AddTo(command);
        command.SetAction(async (ctx, ct) =>
        {
            var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var pair in ctx.GetValue(attribute) ?? [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0)
                {
                    throw new CliUsageException($"--attribute takes CODE=VALUE, not '{pair}'.");
                }

                var code = pair[..at].Trim();
                if (!attributes.TryGetValue(code, out var values))
                {
                    attributes[code] = values = [];
                }

                values.Add(pair[(at + 1)..]);
            }

            Uri? media = null;
            if (ctx.GetValue(mediaUrl) is { } m && !Uri.TryCreate(m, UriKind.Absolute, out media))
            {
                throw new CliUsageException($"--media-url must be an absolute URL, not '{m}'.");
            }

            var submission = new Open311Submission
            {
                ServiceCode = ctx.GetValue(service)!,
                Latitude = ctx.GetValue(lat),
                Longitude = ctx.GetValue(lon),
                AddressString = ctx.GetValue(address),
                AddressId = ctx.GetValue(addressId),
                Description = ctx.GetValue(description),
                Email = ctx.GetValue(email),
                FirstName = ctx.GetValue(firstName),
                LastName = ctx.GetValue(lastName),
                Phone = ctx.GetValue(phone),
                MediaUrl = media,
                Attributes = attributes.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
            };

            var key = ctx.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("OPEN311_API_KEY");
            await using var provider = common.Build(ctx, key);
            var client = provider.GetRequiredService<Open311Client>();
            Open311SubmitResult result;
            if (ctx.GetValue(check))
            {
                var definition = await client.GetServiceDefinitionAsync(submission.ServiceCode, ct).ConfigureAwait(false);
                result = await client.SubmitRequestAsync(submission, definition, ct).ConfigureAwait(false);
            }
            else
            {
                result = await client.SubmitRequestAsync(submission, ct).ConfigureAwait(false);
            }

            if (ctx.GetValue(common.Json))
            {
                await ctx.WriteJsonAsync(result, Open311CliJsonContext.Default.Open311SubmitResult).ConfigureAwait(false);
            }
            else if (result.ServiceRequestId is { } id)
            {
                await ctx.Output.WriteLineAsync($"service_request_id: {id}").ConfigureAwait(false);
            }
            else if (result.Token is { } token)
            {
                await ctx.Output.WriteLineAsync($"token: {token}").ConfigureAwait(false);
            }
            else
            {
                await ctx.Error.WriteLineAsync("Accepted; the server gave no id or token (a blackbox service).").ConfigureAwait(false);
            }

            if (result.ServiceNotice is { } notice && !ctx.GetValue(common.Json))
            {
                await ctx.Error.WriteLineAsync($"Notice: {notice}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Token()
    {
        var common = new Common();
        var token = new Argument<string>("token") { Description = "The token a submission answered." };
        var command = new Command("token", "The service_request_id a token has become; exits 3 while the server has none yet.");
        command.Arguments.Add(token);
        common.AddTo(command);
        command.SetAction(async (ctx, ct) =>
        {
            await using var provider = common.Build(ctx);
            var result = await provider.GetRequiredService<Open311Client>().GetRequestIdFromTokenAsync(ctx.GetValue(token)!, ct).ConfigureAwait(false);
            if (ctx.GetValue(common.Json))
            {
                await ctx.WriteJsonAsync(result, Open311CliJsonContext.Default.Open311TokenResult).ConfigureAwait(false);
            }
            else if (result.ServiceRequestId is { } id)
            {
                await ctx.Output.WriteLineAsync(id).ConfigureAwait(false);
            }
            else
            {
                await ctx.Error.WriteLineAsync($"The server has no request id for token '{result.Token}' yet; ask again later.").ConfigureAwait(false);
            }

            return result.ServiceRequestId is null ? ExitCodes.NotFound : ExitCodes.Success;
        });
        return command;
    }

    private static Command Request()
    {
        var common = new Common();
        var id = new Argument<string>("id") { Description = "The service_request_id." };
        var command = new Command("request", "One service request, as 'field: value' lines with the spec's names.");
        command.Arguments.Add(id);
        common.AddTo(command);
        command.SetAction(async (ctx, ct) =>
        {
            await using var provider = common.Build(ctx);
            var request = await provider.GetRequiredService<Open311Client>().GetRequestAsync(ctx.GetValue(id)!, ct).ConfigureAwait(false);
            if (ctx.GetValue(common.Json))
            {
                await ctx.WriteJsonAsync(request, Open311CliJsonContext.Default.Open311ServiceRequest).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var (name, value) in Fields(request))
            {
                if (value is not null)
                {
                    await ctx.Output.WriteLineAsync($"{name}: {value}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Requests()
    {
        var common = new Common();
        var ids = new Option<string[]>("--id") { Description = "Only these service_request_ids (repeat it); the server then ignores the other filters." };
        var service = new Option<string[]>("--service") { Description = "Only these service codes (repeat it)." };
        var status = new Option<string>("--status") { Description = "open or closed." }.AcceptOnlyFromAmong("open", "closed");
        var from = new Option<DateTimeOffset?>("--from") { Description = "Requested at or after (ISO 8601, e.g. 2026-11-01T00:00:00Z)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Requested at or before (at most 90 days after --from)." };
        var command = new Command("requests", "Service requests matching the filters: one line each (id, status, service code, requested, address). Exits 3 when none match.");
        foreach (var option in new Option[] { ids, service, status, from, to })
        {
            command.Options.Add(option);
        }

        common.AddTo(command);
        command.SetAction(async (ctx, ct) =>
        {
            var query = new Open311RequestQuery
            {
                ServiceRequestIds = ctx.GetValue(ids) ?? [],
                ServiceCodes = ctx.GetValue(service) ?? [],
                Status = ctx.GetValue(status) switch { "open" => Open311RequestStatus.Open, "closed" => Open311RequestStatus.Closed, _ => null },
                StartDate = ctx.GetValue(from),
                EndDate = ctx.GetValue(to),
            };
            await using var provider = common.Build(ctx);
            var requests = await provider.GetRequiredService<Open311Client>().GetRequestsAsync(query, ct).ConfigureAwait(false);
            if (ctx.GetValue(common.Json))
            {
                await ctx.WriteJsonAsync(requests, Open311CliJsonContext.Default.IReadOnlyListOpen311ServiceRequest).ConfigureAwait(false);
            }
            else
            {
                foreach (var r in requests)
                {
                    await ctx.Output.WriteLineAsync($"{r.ServiceRequestId}\t{r.Status}\t{r.ServiceCode}\t{Date(r.RequestedDateTime)}\t{r.Address}").ConfigureAwait(false);
                }
            }

            return requests.Count == 0 ? ExitCodes.NotFound : ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<(string Name, string? Value)> Fields(Open311ServiceRequest r) =>
    [
        ("service_request_id", r.ServiceRequestId),
        ("status", r.Status),
        ("status_notes", r.StatusNotes),
        ("service_name", r.ServiceName),
        ("service_code", r.ServiceCode),
        ("description", r.Description),
        ("agency_responsible", r.AgencyResponsible),
        ("service_notice", r.ServiceNotice),
        ("requested_datetime", Date(r.RequestedDateTime)),
        ("updated_datetime", Date(r.UpdatedDateTime)),
        ("expected_datetime", Date(r.ExpectedDateTime)),
        ("address", r.Address),
        ("address_id", r.AddressId),
        ("zipcode", r.Zipcode),
        ("lat", r.Latitude?.ToString(CultureInfo.InvariantCulture)),
        ("long", r.Longitude?.ToString(CultureInfo.InvariantCulture)),
        ("media_url", r.MediaUrl?.AbsoluteUri),
    ];

    private static string? Date(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
