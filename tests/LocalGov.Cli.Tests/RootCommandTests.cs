namespace LocalGov.Cli.Tests;

public sealed class RootCommandTests
{
    [Theory]
    [InlineData("moderngov")]
    [InlineData("postcode")]
    [InlineData("mapit")]
    [InlineData("grid")]
    [InlineData("boundaries")]
    [InlineData("standards")]
    [InlineData("assessment")]
    [InlineData("open311")]
    public async Task Help_lists_every_group(string group)
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(group, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_documents_exit_codes()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Contains("4 invalid input data", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_assembly_version()
    {
        var result = await CliRunner.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("no-such-command");

        Assert.Equal(1, result.ExitCode);
        Assert.NotEmpty(result.Error);
        Assert.True(string.IsNullOrWhiteSpace(result.Output), "stdout carries results only");
    }
}
