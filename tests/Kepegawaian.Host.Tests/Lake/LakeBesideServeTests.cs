using System.Diagnostics;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Host.Tests.Faults;
using Kepegawaian.Service.Hosting;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse.Lake;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Host.Tests.Lake;

/// <summary>Issue 14 §3: a real `serve` publishes the lake after its start-up load + refresh, and again after a new file.</summary>
public sealed class LakeBesideServeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("--Publish:Instansi=Kota Palembang")]
    [InlineData("--Publish:Keep=0")]
    public async Task An_invalid_publish_setting_stops_the_service_naming_the_key(string setting)
    {
        using var folder = TempFolder.Create("serve");
        await using var app = ServiceHost.Build(["--Publish:Path=" + folder.Sub("lake"), setting], folder.File("k.duckdb"), "http://127.0.0.1:0");
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(setting[2..setting.IndexOf('=', StringComparison.Ordinal)], ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Scenario")] // a real serve process: a load, two refreshes, two publishes
    public async Task Serve_publishes_a_new_lake_version_after_each_load_and_refresh()
    {
        using var folder = TempFolder.Create("lake-serve");
        var inbox = folder.Sub("inbox");
        var lake = folder.Sub("lake");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 60, Years = 1, Seed = 8, EndDate = new DateOnly(2026, 10, 31) });
        var env = new Dictionary<string, string>
        {
            ["Etl__Inbox"] = inbox, ["Etl__SettleSeconds"] = "0", ["Etl__Cron"] = "0/10 * * * * ?",
            ["Dashboard__Urls"] = "http://127.0.0.1:0", ["Reports__OutDir"] = folder.Sub("out"),
            ["Publish__Path"] = lake, ["Publish__Instansi"] = "kota-x",
        };
        using var serve = HostProcess.Start(folder.Path, env, "serve", "--db", folder.File("wh.duckdb"));
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            var first = await UntilAsync(serve, () => ParquetLake.Current(lake, "kota-x") is { } v && File.Exists(Path.Combine(v, LakeManifest.FileName)) ? v : null);
            var before = LakeManifest.Read(first).Tables["fact_skm"];
            Assert.True(before > 0);

            var unit = (string)(await LakeFiles.RowsAsync(first, "fact_skm"))[0]["kode_unit"]!;
            File.WriteAllText(Path.Combine(inbox, "skm_susulan.csv"),
                "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9\nSUSULAN-1," + unit + ",KTP-el,2026-10-30,4,4,4,4,4,4,4,4,4\n");
            var second = await UntilAsync(serve, () => ParquetLake.Current(lake, "kota-x") is { } v && v != first ? v : null);
            // The new version has the one new answer, read back by Parquet.Net.
            Assert.Equal(before + 1, LakeManifest.Read(second).Tables["fact_skm"]);
            Assert.Equal(before + 1, (await LakeFiles.RowsAsync(second, "fact_skm")).Count);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    private static async Task<string> UntilAsync(Process serve, Func<string?> probe)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Timeout)
        {
            Assert.False(serve.HasExited, "serve exited early");
            if (probe() is { } value) return value;
            await Task.Delay(500);
        }
        throw new TimeoutException("serve did not publish the lake in time");
    }
}
