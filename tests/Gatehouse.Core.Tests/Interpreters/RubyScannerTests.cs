using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

public sealed class RubyScannerTests
{
    private static InterpreterScanResult Scan(string code) => InterpreterScanner.Scan(EmbeddedLanguage.Ruby, code);

    [Theory]
    [InlineData("FileUtils.rm_rf(Dir.home)", "~", Risk.Critical)]
    [InlineData("require 'fileutils'; FileUtils.rm_rf('/')", "/", Risk.Critical)]
    [InlineData("require 'fileutils'\nFileUtils.rm_rf '/srv'", "/srv", Risk.Critical)]
    [InlineData("FileUtils::rm_rf(ENV['HOME'])", "~", Risk.Critical)]
    [InlineData("FileUtils.rm_r(File.expand_path('~'))", "~", Risk.Critical)]
    [InlineData("FileUtils.remove_dir('/var/lib/redis')", "/var/lib/redis", Risk.Critical)]
    [InlineData("FileUtils.rm_rf(File.join(Dir.home, 'src'))", "~/src", Risk.Critical)]
    [InlineData("FileUtils.rm_rf('tmp/cache')", "tmp/cache", Risk.Low)]
    [InlineData("FileUtils.rm_rf 'coverage'", "coverage", Risk.Low)]
    [InlineData("File.delete('/etc/hosts')", "/etc/hosts", Risk.Critical)]
    [InlineData("File.unlink 'log/test.log'", "log/test.log", Risk.Low)]
    [InlineData("Dir.rmdir('/home/alice')", "/home/alice", Risk.Critical)]
    [InlineData("require 'pathname'; Pathname.new('/opt/app').rmtree", "/opt/app", Risk.Critical)]
    [InlineData("include FileUtils; rm_rf '/usr/local'", "/usr/local", Risk.Critical)]
    [InlineData("dir = '/'\nFileUtils.rm_rf(dir)", "/", Risk.Critical)]
    public void Scan_Deletion_ReportsTargetAndRisk(string code, string id, Risk risk)
    {
        var delete = Scan(code).SingleDelete();
        delete.Target.Id.ShouldBe(id);
        delete.Risk.ShouldBe(risk);
        delete.Tool.ShouldBe("ruby");
    }

    [Fact]
    public void Scan_SeveralTargets_EachIsReported()
    {
        var result = Scan("FileUtils.rm_rf(%w[build /etc])");
        result.Actions.Select(a => a.Target.Id).ShouldBe(["build", "/etc"]);
        result.MaxRisk().ShouldBe(Risk.Critical);
    }

    [Fact]
    public void Scan_RmRf_IsTaggedForce()
    {
        Scan("FileUtils.rm_rf('x')").SingleDelete().HasTag(Tags.Force).ShouldBeTrue();
    }

    [Theory]
    [InlineData("system('rm -rf /')", "rm -rf /")]
    [InlineData("system 'git reset --hard'", "git reset --hard")]
    [InlineData("system('git', 'push', '--force', 'origin', 'main')", "git push --force origin main")]
    [InlineData("exec \"dropdb prod\"", "dropdb prod")]
    [InlineData("puts `rm -rf ~`", "rm -rf ~")]
    [InlineData("%x(kubectl delete ns prod)", "kubectl delete ns prod")]
    [InlineData("%x{docker system prune -af}", "docker system prune -af")]
    [InlineData("require 'open3'; Open3.capture2('terraform destroy -auto-approve')", "terraform destroy -auto-approve")]
    [InlineData("Open3.capture3('git', 'clean', '-fdx')", "git clean -fdx")]
    [InlineData("IO.popen(['rm', '-rf', '/srv']).read", "rm -rf /srv")]
    [InlineData("IO.popen('helm uninstall prod')", "helm uninstall prod")]
    [InlineData("spawn({'A' => '1'}, 'git', 'branch', '-D', 'main')", "git branch -D main")]
    [InlineData("Kernel.system('redis-cli FLUSHALL')", "redis-cli FLUSHALL")]
    [InlineData("open('|rm -rf /tmp/x')", "rm -rf /tmp/x")]
    [InlineData("system(*%w[git stash clear])", "git stash clear")]
    public void Scan_ShellHandoff_ReportsCommandLine(string code, string command)
    {
        var result = Scan(code);
        result.ShellCommands.ShouldContain(command, result.Describe());
    }

    [Theory]
    [InlineData("system(ARGV[0])")]
    [InlineData("`rm -rf #{dir}`")]
    [InlineData("system(\"rm -rf #{dir}\")")]
    [InlineData("eval(STDIN.read)")]
    [InlineData("instance_eval(code)")]
    [InlineData("eval(Base64.decode64(x))")]
    public void Scan_ComputedCode_FailsClosedAsOpaque(string code)
    {
        var result = Scan(code);
        result.IsOpaque().ShouldBeTrue(result.Describe());
    }

    [Fact]
    public void Scan_LiteralEval_IsScannedInTurn()
    {
        Scan("eval(\"FileUtils.rm_rf('/')\")").SingleDelete().Risk.ShouldBe(Risk.Critical);
    }

    [Theory]
    [InlineData("ActiveRecord::Base.connection.execute('DROP TABLE users')", "DROP TABLE users")]
    [InlineData("ActiveRecord::Base.connection.execute(\"TRUNCATE orders\")", "TRUNCATE orders")]
    [InlineData("db = PG.connect(dbname: 'x'); db.exec('DELETE FROM accounts')", "DELETE FROM accounts")]
    [InlineData("DB.run 'DROP DATABASE shop'", "DROP DATABASE shop")]
    public void Scan_SqlPassedToDriver_IsExtracted(string code, string sql)
    {
        var result = Scan(code);
        result.SqlTexts.ShouldContain(sql, result.Describe());
    }

    [Theory]
    [InlineData("require 'net/http'; Net::HTTP::Delete.new(URI('https://h/v/1'))", "DELETE", "https://h/v/1", null)]
    [InlineData("uri = URI('https://h/x'); req = Net::HTTP::Delete.new(uri)", "DELETE", "https://h/x", null)]
    [InlineData("HTTParty.delete('https://h/d')", "DELETE", "https://h/d", null)]
    [InlineData("HTTParty.post('https://h/p', body: {a: 1}.to_json)", "POST", "https://h/p", null)]
    [InlineData("HTTParty.post('https://h/p', body: '{\"a\":1}', headers: {'X-T' => 'v'})", "POST", "https://h/p", "{\"a\":1}")]
    [InlineData("Net::HTTP.get(URI('https://h/g'))", "GET", "https://h/g", null)]
    [InlineData("RestClient.delete \"https://h/r\"", "DELETE", "https://h/r", null)]
    public void Scan_HttpClientCall_IsDescribed(string code, string method, string url, string? body)
    {
        var result = Scan(code);
        var request = result.HttpRequests.ShouldHaveSingleItem(result.Describe());
        request.Method.ShouldBe(method);
        request.Url.ShouldBe(url);
        request.Body.ShouldBe(body);
    }

    [Theory]
    [InlineData("p ENV")]
    [InlineData("puts ENV.to_h")]
    [InlineData("puts File.read(File.join(Dir.home, '.aws/credentials'))")]
    public void Scan_CredentialAccess_IsMediumRead(string code)
    {
        var action = Scan(code).Actions.ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Read);
        action.HasTag(Tags.CredentialAccess).ShouldBeTrue();
    }

    [Fact]
    public void Scan_ProcessKill_IsHighExecute()
    {
        Scan("Process.kill('KILL', 1)").Actions.ShouldHaveSingleItem().Verb.ShouldBe(Verb.Execute);
    }

    [Theory]
    [InlineData("puts 1")]
    [InlineData("puts 'rm -rf /'")]
    [InlineData("puts \"FileUtils.rm_rf('/')\"")]
    [InlineData("# FileUtils.rm_rf('/')\nputs 2")]
    [InlineData("=begin\nsystem('rm -rf /')\n=end\nputs 3")]
    [InlineData("puts RUBY_VERSION")]
    [InlineData("x = %w[a b c]; puts x.size % 2")]
    [InlineData("h = {a: 1, 'b' => 2}; puts h[:a]")]
    [InlineData("puts ENV['HOME']")]
    [InlineData("arr = [1, 2]; arr.delete(1)")]
    [InlineData("puts [1,2].map { |x| x * 2 }.inspect")]
    [InlineData("puts(<<~EOS)\n  system('rm -rf /')\nEOS\n")]
    [InlineData("puts File.read('Gemfile')")]
    public void Scan_HarmlessCode_FindsNothing(string code)
    {
        Scan(code).Describe().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("puts 'never closed")]
    [InlineData("puts %w[a b")]
    [InlineData("x = <<~EOS\nno terminator")]
    public void Scan_MalformedCode_IsOpaqueParseError(string code)
    {
        Scan(code).Actions.ShouldHaveSingleItem().HasTag(Tags.ParseError).ShouldBeTrue();
    }
}
