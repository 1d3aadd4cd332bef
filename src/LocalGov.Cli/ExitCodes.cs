namespace LocalGov.Cli;

/// <summary>The process exit codes, documented in <c>localgov --help</c> and the README.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int UsageError = 1;
    public const int RemoteServiceError = 2;
    public const int NotFound = 3;
    public const int InvalidInput = 4;
    public const int InternalError = 5;

    public const string HelpText =
        "Exit codes: 0 success, 1 usage error, 2 remote service error, 3 not found, 4 invalid input data (also a rebase with conflicts, nothing written; or an assessment response that breaks the workflow), 5 internal error (a bug; please report it).";
}
