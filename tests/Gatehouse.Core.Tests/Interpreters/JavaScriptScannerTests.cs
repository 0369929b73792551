using Gatehouse.Core.Catalog;
using Gatehouse.Core.Interpreters;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.Interpreters;

public sealed class JavaScriptScannerTests
{
    private static InterpreterScanResult Scan(string code) => InterpreterScanner.Scan(EmbeddedLanguage.JavaScript, code);

    [Theory]
    [InlineData("require('fs').rmSync('/', {recursive:true})", "/", Risk.Critical, true)]
    [InlineData("require(\"fs\").rmSync(\"/\", { recursive: true, force: true })", "/", Risk.Critical, true)]
    [InlineData("const fs = require('fs'); fs.rmSync('/home/u', {recursive: true})", "/home/u", Risk.Critical, true)]
    [InlineData("const fs = require('node:fs'); fs.rmSync('dist', {recursive: true})", "dist", Risk.Low, true)]
    [InlineData("import fs from 'node:fs'; fs.rmSync('/srv', {recursive: true})", "/srv", Risk.Critical, true)]
    [InlineData("import * as fs from 'fs'; fs.unlinkSync('/etc/passwd')", "/etc/passwd", Risk.Critical, false)]
    [InlineData("import { rmSync as r } from 'fs'; r('/var', {recursive:true})", "/var", Risk.Critical, true)]
    [InlineData("const { rmSync } = require('fs'); rmSync(require('os').homedir(), {recursive: true})", "~", Risk.Critical, true)]
    [InlineData("const {rm: remove} = require('fs/promises'); await remove('/opt/x', {recursive: true})", "/opt/x", Risk.Critical, true)]
    [InlineData("require('fs').promises.rm('/usr/lib', {recursive: true})", "/usr/lib", Risk.Critical, true)]
    [InlineData("const fs = require('fs'); fs.promises.rm('build', {recursive: true})", "build", Risk.Low, true)]
    [InlineData("const os = require('os'); require('fs').rmSync(os.homedir(), {recursive: true})", "~", Risk.Critical, true)]
    [InlineData("const path = require('path'), os = require('os'); require('fs').rmSync(path.join(os.homedir(), 'work'), {recursive: true})", "~/work", Risk.Critical, true)]
    [InlineData("require('fs').rmSync(process.env.HOME, {recursive: true})", "~", Risk.Critical, true)]
    [InlineData("require('fs').rmdirSync('/data', {recursive: true})", "/data", Risk.Critical, true)]
    [InlineData("require('fs').unlink('out.txt', () => {})", "out.txt", Risk.Low, false)]
    [InlineData("require('fs')['rmSync']('/', {recursive: true})", "/", Risk.Critical, true)]
    [InlineData("const rimraf = require('rimraf'); rimraf.sync('/home/u')", "/home/u", Risk.Critical, true)]
    [InlineData("const { rimraf } = require('rimraf'); await rimraf('node_modules')", "node_modules", Risk.Low, true)]
    [InlineData("require('fs-extra').removeSync('/srv/www')", "/srv/www", Risk.Critical, true)]
    [InlineData("const fse = require('fs-extra'); fse.emptyDirSync('/var/lib/mysql')", "/var/lib/mysql", Risk.Critical, true)]
    [InlineData("const fse = require('fs-extra'); fse.rmSync('.cache', {recursive: true})", ".cache", Risk.Low, true)]
    [InlineData("await Deno.remove('/', { recursive: true })", "/", Risk.Critical, true)]
    [InlineData("const fs = require('fs'); const dir = '/'; fs.rmSync(dir, {recursive: true})", "/", Risk.Critical, true)]
    [InlineData("require('fs').rmSync(`/home/u`, {recursive: true})", "/home/u", Risk.Critical, true)]
    public void Scan_Deletion_ReportsTargetAndRisk(string code, string id, Risk risk, bool recursive)
    {
        var delete = Scan(code).SingleDelete();
        delete.Target.Id.ShouldBe(id);
        delete.Risk.ShouldBe(risk);
        delete.HasTag(Tags.Recursive).ShouldBe(recursive);
        delete.Tool.ShouldBe("node");
    }

    [Theory]
    [InlineData("require('fs').rmSync(process.argv[2], {recursive: true})")]
    [InlineData("require('fs').rmSync(`${base}/x`, {recursive: true})")]
    [InlineData("files.forEach(require('fs').unlinkSync)")]
    public void Scan_DeletionOfComputedPath_IsHighDynamic(string code)
    {
        var delete = Scan(code).Actions.First(a => a.Verb == Verb.Delete);
        delete.Risk.ShouldBe(Risk.High);
        delete.HasTag(Tags.DynamicTarget).ShouldBeTrue();
    }

    [Theory]
    [InlineData("require('child_process').execSync('rm -rf /')", "rm -rf /")]
    [InlineData("const cp = require('child_process'); cp.exec('git push -f origin main')", "git push -f origin main")]
    [InlineData("const {execSync} = require('child_process'); execSync('dropdb prod', {stdio: 'inherit'})", "dropdb prod")]
    [InlineData("const { execSync: run } = require('node:child_process'); run('kubectl delete ns prod')", "kubectl delete ns prod")]
    [InlineData("import { spawn } from 'child_process'; spawn('git', ['reset', '--hard'])", "git reset --hard")]
    [InlineData("require('child_process').spawnSync('rm', ['-rf', '/home/u'], {stdio: 'inherit'})", "rm -rf /home/u")]
    [InlineData("require('child_process').execFileSync('terraform', ['destroy', '-auto-approve'])", "terraform destroy -auto-approve")]
    [InlineData("require('child_process').spawn('sh', ['-c', 'rm -rf ~'])", "sh -c 'rm -rf ~'")]
    [InlineData("require('child_process').spawn('rm -rf /', {shell: true})", "rm -rf /")]
    [InlineData("Bun.spawn(['git', 'clean', '-fdx'])", "git clean -fdx")]
    [InlineData("Bun.spawnSync({cmd: ['docker', 'volume', 'rm', 'pgdata']})", "docker volume rm pgdata")]
    [InlineData("await Bun.$`rm -rf /srv`", "rm -rf /srv")]
    [InlineData("new Deno.Command('git', {args: ['push', '--force']}).outputSync()", "git push --force")]
    [InlineData("import { execa } from 'execa'; await execa('dropdb', ['prod'])", "dropdb prod")]
    [InlineData("const sh = require('shelljs'); sh.rm('-rf', '/var/www')", "rm -rf /var/www")]
    [InlineData("require('shelljs').exec('git reset --hard HEAD~3')", "git reset --hard HEAD~3")]
    [InlineData("require('child_process').execSync(Buffer.from('cm0gLXJmIC8=', 'base64').toString())", "rm -rf /")]
    [InlineData("const cmd = 'helm uninstall prod'; require('child_process').execSync(cmd)", "helm uninstall prod")]
    [InlineData("const util = require('util'); const run = util.promisify(require('child_process').exec); await run('git clean -fdx')", "git clean -fdx")]
    [InlineData("const { promisify } = require('util'); const cp = require('child_process'); const sh = promisify(cp.exec); sh('dropdb prod')", "dropdb prod")]
    public void Scan_ShellHandoff_ReportsCommandLine(string code, string command)
    {
        var result = Scan(code);
        result.ShellCommands.ShouldContain(command, result.Describe());
    }

    [Theory]
    [InlineData("require('child_process').execSync(process.argv[2])")]
    [InlineData("require('child_process').execSync(`rm -rf ${dir}`)")]
    [InlineData("eval(atob(payload))")]
    [InlineData("eval(code)")]
    [InlineData("new Function(body)()")]
    [InlineData("require('vm').runInNewContext(src)")]
    [InlineData("const cp = require('child_process'); cp.exec('rm -rf ' + dir)")]
    public void Scan_ComputedCode_FailsClosedAsOpaque(string code)
    {
        var result = Scan(code);
        result.IsOpaque().ShouldBeTrue(result.Describe());
    }

    [Theory]
    [InlineData("eval(\"require('fs').rmSync('/', {recursive: true})\")", "/")]
    [InlineData("new Function(\"require('fs').unlinkSync('/etc/hosts')\")()", "/etc/hosts")]
    public void Scan_LiteralCodeInEval_IsScannedInTurn(string code, string id)
    {
        Scan(code).Actions.ShouldContain(a => a.Verb == Verb.Delete && a.Target.Id == id);
    }

    [Theory]
    [InlineData("fetch('https://api.x.io/v1/items/1', {method: 'DELETE'})", "DELETE", "https://api.x.io/v1/items/1", null)]
    [InlineData("fetch(url, {method: 'DELETE', body: JSON.stringify({id: 1})})", "DELETE", "{dynamic}", "{\"id\":1}")]
    [InlineData("await fetch('https://backboard.railway.app/graphql/v2', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({query: 'mutation { volumeDelete(volumeId: \"v\") }'})})", "POST", "https://backboard.railway.app/graphql/v2", "{\"query\":\"mutation { volumeDelete(volumeId: \\\"v\\\") }\"}")]
    [InlineData("fetch('https://example.com')", "GET", "https://example.com", null)]
    [InlineData("fetch(`https://h/items/${id}`, {method: 'delete'})", "DELETE", "https://h/items/{dynamic}", null)]
    [InlineData("const axios = require('axios'); axios.delete('https://h/users/7')", "DELETE", "https://h/users/7", null)]
    [InlineData("require('axios').post('https://h/x', {a: 'b'})", "POST", "https://h/x", "{\"a\":\"b\"}")]
    [InlineData("import axios from 'axios'; axios.put('https://h/x', '{\"k\":1}')", "PUT", "https://h/x", "{\"k\":1}")]
    [InlineData("axios({method: 'patch', url: 'https://h/p', data: {x: true}})", "PATCH", "https://h/p", "{\"x\":true}")]
    [InlineData("require('https').request({hostname: 'api.h.io', path: '/v1/x', method: 'DELETE'}).end()", "DELETE", "https://api.h.io/v1/x", null)]
    [InlineData("const f = require('node-fetch'); f('https://h/n', {method: 'PUT', body: 'raw'})", "PUT", "https://h/n", "raw")]
    public void Scan_HttpClientCall_IsDescribed(string code, string method, string url, string? body)
    {
        var result = Scan(code);
        var request = result.HttpRequests.ShouldHaveSingleItem(result.Describe());
        request.Method.ShouldBe(method);
        request.Url.ShouldBe(url);
        request.Body.ShouldBe(body);
    }

    [Fact]
    public void Scan_FetchHeaders_AreReportedInOrder()
    {
        var request = Scan("fetch('https://h', {method: 'POST', headers: {Authorization: 'Bearer t', 'X-A': 'b'}, body: data})").HttpRequests.ShouldHaveSingleItem();
        request.Headers.ShouldBe([new("Authorization", "Bearer t"), new("X-A", "b")]);
        request.BodyIsOpaque.ShouldBeTrue();
    }

    [Theory]
    [InlineData("const db = new Database('a.db'); db.exec('DROP TABLE users')", "DROP TABLE users")]
    [InlineData("await client.query('DELETE FROM sessions')", "DELETE FROM sessions")]
    [InlineData("knex.raw('TRUNCATE audit_log')", "TRUNCATE audit_log")]
    [InlineData("await sequelize.query(\"DROP DATABASE shop\")", "DROP DATABASE shop")]
    [InlineData("await prisma.$executeRawUnsafe('DELETE FROM \"User\"')", "DELETE FROM \"User\"")]
    [InlineData("pool.query(`UPDATE users SET admin = true WHERE id = ${id}`)", "UPDATE users SET admin = true WHERE id = $1")]
    public void Scan_SqlPassedToDriver_IsExtracted(string code, string sql)
    {
        Scan(code).SqlTexts.ShouldContain(sql);
    }

    [Theory]
    [InlineData("console.log(JSON.stringify(process.env))")]
    [InlineData("console.log(process.env)")]
    public void Scan_EnvironmentDump_IsCredentialAccess(string code)
    {
        Scan(code).Actions.ShouldContain(a => a.HasTag(Tags.CredentialAccess) && a.Verb == Verb.Read);
    }

    [Fact]
    public void Scan_CredentialFileRead_IsCredentialAccess()
    {
        var read = Scan("const fs = require('fs'); console.log(fs.readFileSync(require('os').homedir() + '/.aws/credentials', 'utf8'))").Actions.ShouldHaveSingleItem();
        read.Target.Id.ShouldBe("~/.aws/credentials");
        read.Risk.ShouldBe(Risk.Medium);
    }

    [Fact]
    public void Scan_ProcessKill_IsHighExecute()
    {
        Scan("process.kill(1, 'SIGKILL')").Actions.ShouldHaveSingleItem().Risk.ShouldBe(Risk.High);
    }

    [Theory]
    [InlineData("console.log(process.version)")]
    [InlineData("console.log('shutil.rmtree')")]
    [InlineData("console.log(\"rm -rf /\")")]
    [InlineData("// require('fs').rmSync('/', {recursive: true})\nconsole.log(1)")]
    [InlineData("/* execSync('rm -rf /') */ 1 + 1")]
    [InlineData("require('./build.js')")]
    [InlineData("const fs = require('fs'); console.log(fs.readdirSync('.'))")]
    [InlineData("const fs = require('fs'); fs.writeFileSync('out.json', JSON.stringify({a: 1}))")]
    [InlineData("console.log(process.env.NODE_ENV)")]
    [InlineData("const x = `template ${a + `nested ${b}`} done`; console.log(x)")]
    [InlineData("const r = /rm -rf \\//g; console.log('a'.replace(r, ''))")]
    [InlineData("const re = /['\"]/; console.log(re.exec('x'))")]
    [InlineData("[1,2,3].map(x => x / 2).filter(Boolean)")]
    [InlineData("const m = new Map(); m.delete('k')")]
    [InlineData("console.log(require('os').homedir())")]
    [InlineData("process.exit(0)")]
    public void Scan_HarmlessCode_FindsNothing(string code)
    {
        var result = Scan(code);
        result.Describe().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("console.log('unterminated)")]
    [InlineData("/* never closed")]
    [InlineData("const x = `abc ${ 1 + ")]
    [InlineData("foo(")]
    public void Scan_MalformedCode_IsOpaqueParseError(string code)
    {
        Scan(code).Actions.ShouldHaveSingleItem().HasTag(Tags.ParseError).ShouldBeTrue();
    }
}
