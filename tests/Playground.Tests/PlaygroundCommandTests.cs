namespace Playground.Tests;

/// <summary><c>course playground</c> as a learner or an instructor types it, and the links that other verbs print.</summary>
public sealed class PlaygroundCommandTests
{
    [Fact]
    public void Out_writes_a_static_site_with_index_html_at_its_root()
    {
        string folder = Directory.CreateTempSubdirectory("sb-playground-out-").FullName;
        try
        {
            var (code, output, error) = Course.Run("playground", "--out", folder);

            Assert.True(code == 0, error);
            Assert.Contains("Wrote the playground", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "index.html")), "no index.html at the root");
            Assert.True(File.Exists(Path.Combine(folder, "plotly.min.js")), "no local plotly.js");
            Assert.True(File.Exists(Path.Combine(folder, "_framework", "blazor.webassembly.js")), "no Blazor loader");
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "_framework"), "SplitBrain.*.wasm"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--port", "70000", "--port must be between 0 and 65535; got 70000.")]
    [InlineData("--host", "room", "--host must be an IP address like 127.0.0.1 or 0.0.0.0; got \"room\".")]
    public void Bad_input_is_one_line_and_exit_code_2(string option, string value, string expected)
    {
        var (code, _, error) = Course.Run("playground", option, value);

        Assert.Equal(2, code);
        Assert.Equal($"course: {expected}", error.Trim());
    }

    [Fact]
    public void Course_run_prints_the_link_that_opens_the_same_run()
    {
        var (_, output, _) = Course.Run("run", "bank-ledger", "--seed", "3", "--fencing", "on");

        Assert.Contains("http://127.0.0.1:5180/?scenario=bank-ledger&seed=3&fencing=on", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Course_explore_prints_the_link_of_the_shrunk_failure()
    {
        var (_, output, _) = Course.Run("explore", "bank-ledger", "--fencing", "off", "--seeds", "50");

        Assert.Contains("http://127.0.0.1:5180/?scenario=bank-ledger&seed=7&fencing=off&faults=t%3D0.523s%20partition%20%7BA%2Cclient-1%7D%20%7C%20%7BB%2CC%2Cclient-2%7D", output, StringComparison.Ordinal);
    }
}
