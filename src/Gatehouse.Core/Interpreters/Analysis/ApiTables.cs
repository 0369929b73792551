using System.Collections.Frozen;
using Gatehouse.Core.Interpreters.Lexing;

namespace Gatehouse.Core.Interpreters.Analysis;

/// <summary>The library calls each dialect's scanner recognises, by canonical qualified name.</summary>
internal static class ApiTables
{
    private static readonly ApiSpec DeleteFile = new(ApiKind.DeleteFile);
    private static readonly ApiSpec DeleteDirectory = new(ApiKind.DeleteFile, TargetKind: "directory");
    private static readonly ApiSpec DeleteTree = new(ApiKind.DeleteTree, TargetKind: "directory");
    private static readonly ApiSpec DeleteMaybeTree = new(ApiKind.DeleteMaybeTree);
    private static readonly ApiSpec Truncate = new(ApiKind.Truncate);
    private static readonly ApiSpec Shell = new(ApiKind.ShellCommand);
    private static readonly ApiSpec Argv0 = new(ApiKind.ShellArgv);
    private static readonly ApiSpec ProgramArgs = new(ApiKind.ShellProgramArgs, 0, 1);
    private static readonly ApiSpec Kill = new(ApiKind.Kill);
    private static readonly ApiSpec Eval = new(ApiKind.Eval);
    private static readonly ApiSpec Read = new(ApiKind.ReadFile);
    private static readonly ApiSpec Write = new(ApiKind.WriteFile);
    private static readonly ApiSpec Open = new(ApiKind.OpenFile);

    public static readonly FrozenDictionary<string, ApiSpec> Python = new ApiTableBuilder()
        .Add(DeleteTree, "shutil.rmtree")
        .Add(DeleteFile, "os.remove", "os.unlink")
        .Add(DeleteDirectory, "os.rmdir", "os.removedirs")
        .Add(Truncate, "os.truncate")
        .Add(DeleteFile with { FromReceiver = true }, "pathlib.Path.unlink", "pathlib.PosixPath.unlink")
        .Add(DeleteDirectory with { FromReceiver = true }, "pathlib.Path.rmdir", "pathlib.PosixPath.rmdir")
        .Add(Shell, "os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
            "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput", "commands.getoutput", "commands.getstatusoutput",
            "asyncio.create_subprocess_shell", "pty.spawn", "os.popen2", "os.popen3")
        .Add(Argv0, "asyncio.create_subprocess_exec")
        .Add(new ApiSpec(ApiKind.ShellArgvList, 1), "os.execv", "os.execve", "os.execvp", "os.execvpe", "os.posix_spawn", "os.posix_spawnp")
        .Add(new ApiSpec(ApiKind.ShellArgv, 1), "os.execl", "os.execle", "os.execlp", "os.execlpe")
        .Add(new ApiSpec(ApiKind.ShellArgvList, 2), "os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe")
        .Add(new ApiSpec(ApiKind.ShellArgv, 2), "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe")
        .AddHttpVerbs(["requests", "requests.Session", "requests.session", "httpx", "httpx.Client", "httpx.AsyncClient", "aiohttp.ClientSession"], dataIndex: 1)
        .Add(new ApiSpec(ApiKind.HttpMethodArgument), "requests.request", "requests.Session.request", "httpx.request", "httpx.Client.request", "urllib3.request", "urllib3.PoolManager.request")
        .Add(new ApiSpec(ApiKind.HttpUrllibRequest), "urllib.request.Request", "urllib2.Request")
        .Add(new ApiSpec(ApiKind.HttpMethodArgument, FromReceiver: true), "http.client.HTTPSConnection.request", "http.client.HTTPConnection.request")
        .Add(new ApiSpec(ApiKind.HttpFixed, Method: "GET"), "urllib.request.urlopen", "urllib2.urlopen")
        .Add(Kill, "os.kill", "os.killpg", "signal.pthread_kill")
        .Add(Eval, "exec", "eval", "compile", "builtins.exec", "builtins.eval")
        .Add(new ApiSpec(ApiKind.DynamicImport), "__import__", "importlib.import_module")
        .Add(new ApiSpec(ApiKind.OpaqueCode), "pickle.loads", "pickle.load", "marshal.loads", "dill.loads", "runpy.run_path", "runpy.run_module", "code.interact")
        .Add(Open, "open", "io.open", "codecs.open")
        .Add(Read with { FromReceiver = true }, "pathlib.Path.read_text", "pathlib.Path.read_bytes")
        .Add(Write with { FromReceiver = true }, "pathlib.Path.write_text", "pathlib.Path.write_bytes")
        .Add(new ApiSpec(ApiKind.GetAttr), "getattr")
        .Add(new ApiSpec(ApiKind.Move, SinglePath: true), "shutil.move", "os.rename", "os.replace", "os.renames")
        .Add(new ApiSpec(ApiKind.Permissions), "os.chmod", "os.chown", "os.lchown", "os.lchmod", "shutil.chown")
        .Add(new ApiSpec(ApiKind.Permissions, FromReceiver: true), "pathlib.Path.chmod", "pathlib.Path.lchmod")
        .Build();

    public static readonly FrozenDictionary<string, ApiSpec> JavaScript = new ApiTableBuilder()
        .AddEach(DeleteMaybeTree, ["fs", "fs.promises"], "rm", "rmSync")
        .AddEach(DeleteMaybeTree with { TargetKind = "directory" }, ["fs", "fs.promises"], "rmdir", "rmdirSync")
        .AddEach(DeleteFile, ["fs", "fs.promises"], "unlink", "unlinkSync")
        .AddEach(Truncate, ["fs", "fs.promises"], "truncate", "truncateSync")
        .Add(DeleteTree, "rimraf", "rimraf.sync", "rimraf.rimraf", "rimraf.rimrafSync", "rimraf.native", "rimraf.nativeSync",
            "rimraf.manual", "rimraf.manualSync", "fs-extra.remove", "fs-extra.removeSync", "fs-extra.emptyDir", "fs-extra.emptyDirSync",
            "fs-extra.emptydir", "fs-extra.emptydirSync", "del", "del.deleteAsync", "del.deleteSync", "del.sync", "trash")
        .Add(DeleteMaybeTree, "Deno.remove", "Deno.removeSync", "Bun.file.delete")
        .Add(Shell, "child_process.exec", "child_process.execSync", "execa.execaCommand", "execa.execaCommandSync", "shelljs.exec",
            "Bun.spawn", "Bun.spawnSync", "Bun.$", "zx.$", "$", "execa.$")
        .Add(ProgramArgs, "child_process.spawn", "child_process.spawnSync", "child_process.execFile", "child_process.execFileSync",
            "execa", "execa.execa", "execa.execaSync", "cross-spawn", "cross-spawn.sync")
        .Add(new ApiSpec(ApiKind.ShellProgramArgs, 0, 1, Method: "args"), "Deno.Command")
        .Add(Shell with { Method = "cmd" }, "Deno.run")
        .Add(new ApiSpec(ApiKind.ShellBuiltin, Method: "rm"), "shelljs.rm")
        .Add(Kill, "process.kill")
        .Add(Eval, "eval", "vm.runInThisContext", "vm.runInNewContext", "vm.runInContext", "vm.Script", "vm.compileFunction")
        .Add(Eval with { ArgIndex = -1 }, "Function")
        .Add(new ApiSpec(ApiKind.HttpFetch), "fetch", "node-fetch", "undici.fetch", "http.request", "https.request", "undici.request")
        .AddHttpVerbs(["axios", "got", "superagent", "ky"], dataIndex: 1)
        .Add(new ApiSpec(ApiKind.HttpFixed, Method: "DELETE"), "superagent.del", "axios.del")
        .Add(new ApiSpec(ApiKind.HttpConfig), "axios", "axios.request", "got")
        .AddEach(new ApiSpec(ApiKind.Move, SinglePath: true), ["fs", "fs.promises"], "rename", "renameSync")
        .Add(new ApiSpec(ApiKind.Move, SinglePath: true), "fs-extra.move", "fs-extra.moveSync")
        .AddEach(new ApiSpec(ApiKind.Permissions), ["fs", "fs.promises"], "chmod", "chmodSync", "chown", "chownSync", "lchown", "lchownSync")
        .AddEach(Read, ["fs", "fs.promises"], "readFile", "readFileSync")
        .AddEach(Write, ["fs", "fs.promises"], "writeFile", "writeFileSync", "appendFile", "appendFileSync")
        .Build();

    public static readonly FrozenDictionary<string, ApiSpec> Ruby = new ApiTableBuilder()
        .AddEach(DeleteTree, ["FileUtils"], "rm_rf", "rm_r", "rmtree", "remove_dir", "remove_entry", "remove_entry_secure", "rm_rf!")
        .AddEach(DeleteFile, ["FileUtils"], "rm", "rm_f", "remove", "remove_file", "safe_unlink")
        .AddEach(DeleteDirectory, ["FileUtils"], "rmdir")
        .AddEach(DeleteFile, ["File"], "delete", "unlink")
        .AddEach(DeleteDirectory, ["Dir", "FileUtils.Dir"], "rmdir", "delete", "unlink")
        .Add(DeleteTree with { FromReceiver = true }, "Pathname.rmtree", "Pathname.new.rmtree")
        .Add(DeleteFile with { FromReceiver = true }, "Pathname.delete", "Pathname.unlink", "Pathname.new.delete", "Pathname.new.unlink")
        .Add(DeleteDirectory with { FromReceiver = true }, "Pathname.rmdir", "Pathname.new.rmdir")
        .Add(Truncate, "File.truncate")
        .Add(new ApiSpec(ApiKind.Move, SinglePath: true), "FileUtils.mv", "FileUtils.move", "File.rename")
        .AddEach(new ApiSpec(ApiKind.Permissions, 1), ["FileUtils"], "chmod", "chmod_R")
        .AddEach(new ApiSpec(ApiKind.Permissions, 2), ["FileUtils"], "chown", "chown_R")
        .Add(new ApiSpec(ApiKind.Permissions, 1), "File.chmod")
        .Add(new ApiSpec(ApiKind.Permissions, 2), "File.chown")
        .Add(Argv0, "system", "exec", "spawn", "Kernel.system", "Kernel.exec", "Kernel.spawn", "Process.spawn", "Process.exec", "PTY.spawn",
            "Open3.capture2", "Open3.capture2e", "Open3.capture3", "Open3.popen2", "Open3.popen2e", "Open3.popen3", "Open3.pipeline",
            "Open3.pipeline_r", "Open3.pipeline_w")
        .Add(Shell, "IO.popen", "Kernel.open")
        .Add(Kill, "Process.kill")
        .Add(Eval, "eval", "instance_eval", "class_eval", "module_eval", "Kernel.eval", "binding.eval", "TOPLEVEL_BINDING.eval")
        .Add(new ApiSpec(ApiKind.OpaqueCode), "Marshal.load", "YAML.unsafe_load")
        .AddHttpVerbs(["Net.HTTP"], dataIndex: -1, upperCaseNames: true)
        .AddEach(new ApiSpec(ApiKind.HttpFixed, Method: "DELETE"), ["Net.HTTP.Delete"], "new")
        .AddEach(new ApiSpec(ApiKind.HttpFixed, Method: "PUT"), ["Net.HTTP.Put"], "new")
        .AddEach(new ApiSpec(ApiKind.HttpFixed, Method: "POST"), ["Net.HTTP.Post"], "new")
        .AddEach(new ApiSpec(ApiKind.HttpFixed, Method: "PATCH"), ["Net.HTTP.Patch"], "new")
        .AddEach(new ApiSpec(ApiKind.HttpFixed, Method: "GET"), ["Net.HTTP.Get"], "new")
        .Add(new ApiSpec(ApiKind.HttpFixed, Method: "GET"), "Net.HTTP.get", "Net.HTTP.get_response", "URI.open")
        .Add(new ApiSpec(ApiKind.HttpFixed, Method: "POST", DataIndex: 1), "Net.HTTP.post", "Net.HTTP.post_form")
        .AddHttpVerbs(["HTTParty", "RestClient", "Faraday", "Excon", "HTTP"], dataIndex: 1)
        .AddEach(Read, ["File", "IO"], "read", "readlines", "binread", "foreach")
        .AddEach(Write, ["File", "IO"], "write", "binwrite")
        .Add(Open, "File.open", "open")
        .Build();

    public static readonly FrozenDictionary<string, ApiSpec> Perl = new ApiTableBuilder()
        .Add(DeleteFile, "unlink", "CORE.unlink")
        .Add(DeleteDirectory, "rmdir", "CORE.rmdir")
        .Add(DeleteTree, "rmtree", "remove_tree", "File.Path.rmtree", "File.Path.remove_tree", "File.Remove.remove")
        .Add(Truncate, "truncate")
        .Add(new ApiSpec(ApiKind.Move, SinglePath: true), "rename", "move", "File.Copy.move")
        .Add(new ApiSpec(ApiKind.Permissions, 1), "chmod")
        .Add(new ApiSpec(ApiKind.Permissions, 2), "chown")
        .Add(Argv0, "system", "exec", "CORE.system", "CORE.exec", "IPC.Open3.open3", "IPC.Run.run")
        .Add(Shell, "readpipe")
        .Add(new ApiSpec(ApiKind.ShellArgv, 2), "open3", "IPC.Open3.open3", "open2", "IPC.Open2.open2")
        .Add(new ApiSpec(ApiKind.Kill, 1), "kill")
        .Add(Eval, "eval")
        .Add(new ApiSpec(ApiKind.HttpMethodArgument, DataIndex: 3), "HTTP.Request.new")
        .AddHttpVerbs(["LWP.UserAgent.new", "HTTP.Tiny.new", "Mojo.UserAgent.new", "Furl.new"], dataIndex: 1)
        .Add(new ApiSpec(ApiKind.HttpMethodArgument), "HTTP.Tiny.new.request", "Furl.new.request")
        .Add(new ApiSpec(ApiKind.HttpFixed, Method: "GET"), "get", "LWP.Simple.get", "getstore", "LWP.Simple.getstore")
        .Add(Open, "open")
        .Build();

    public static readonly FrozenDictionary<string, ApiSpec> Php = new ApiTableBuilder()
        .Add(DeleteFile, "unlink")
        .Add(DeleteDirectory, "rmdir")
        .Add(new ApiSpec(ApiKind.Move, SinglePath: true), "rename")
        .Add(new ApiSpec(ApiKind.Permissions, SinglePath: true), "chmod", "chown", "chgrp", "lchown")
        .Add(Shell, "system", "exec", "shell_exec", "passthru", "popen", "proc_open", "expect_popen")
        .Add(new ApiSpec(ApiKind.ShellProgramArgs, 0, 1), "pcntl_exec")
        .Add(Kill, "posix_kill", "proc_terminate")
        .Add(Eval, "eval", "assert")
        .Add(Eval with { ArgIndex = 1 }, "create_function")
        .Add(new ApiSpec(ApiKind.OpaqueCode), "unserialize")
        .Add(new ApiSpec(ApiKind.Sql, 1), "mysqli_query", "mysqli_multi_query", "mysqli_real_query", "pg_query", "sqlite_exec", "mysql_query")
        .Add(new ApiSpec(ApiKind.CurlInit), "curl_init")
        .Add(new ApiSpec(ApiKind.CurlSetopt), "curl_setopt")
        .Add(new ApiSpec(ApiKind.CallableDispatch), "call_user_func", "call_user_func_array", "array_map", "array_walk", "forward_static_call")
        .Add(Read, "file_get_contents", "file", "readfile", "fopen", "parse_ini_file")
        .Add(Write, "file_put_contents")
        .Build();

    public static FrozenDictionary<string, ApiSpec> For(ScriptDialect dialect) => dialect switch
    {
        ScriptDialect.Python => Python,
        ScriptDialect.JavaScript => JavaScript,
        ScriptDialect.Ruby => Ruby,
        ScriptDialect.Perl => Perl,
        _ => Php,
    };

    private static readonly FrozenDictionary<string, string> PythonDistinctive = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rmtree"] = "shutil.rmtree",
        ["check_output"] = "subprocess.check_output",
        ["check_call"] = "subprocess.check_call",
        ["Popen"] = "subprocess.Popen",
        ["getoutput"] = "subprocess.getoutput",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> JavaScriptDistinctive = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["execSync"] = "child_process.execSync",
        ["spawnSync"] = "child_process.spawnSync",
        ["execFileSync"] = "child_process.execFileSync",
        ["rmSync"] = "fs.rmSync",
        ["rmdirSync"] = "fs.rmdirSync",
        ["unlinkSync"] = "fs.unlinkSync",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> RubyDistinctive = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rm_rf"] = "FileUtils.rm_rf",
        ["rm_r"] = "FileUtils.rm_r",
        ["remove_entry_secure"] = "FileUtils.remove_entry_secure",
        ["capture2"] = "Open3.capture2",
        ["capture2e"] = "Open3.capture2e",
        ["capture3"] = "Open3.capture3",
        ["popen3"] = "Open3.popen3",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Method names distinctive enough that the receiver does not matter (<c>x.execSync(…)</c> where <c>x</c> came
    /// from a dynamic import): the canonical API they belong to, or null.
    /// </summary>
    public static string? DistinctiveMethod(ScriptDialect dialect, string method)
    {
        var table = dialect switch
        {
            ScriptDialect.Python => PythonDistinctive,
            ScriptDialect.JavaScript => JavaScriptDistinctive,
            ScriptDialect.Ruby => RubyDistinctive,
            _ => null,
        };
        return table is not null && table.TryGetValue(method, out var canonical) ? canonical : null;
    }

    /// <summary>Method names that, on any receiver, take SQL text (checked only when no table entry matched).</summary>
    public static readonly FrozenSet<string> SqlMethods = new[]
    {
        "execute", "executemany", "executescript", "exec", "query", "raw", "do", "prepare", "run", "all", "get", "each",
        "unsafe", "exec_query", "select_all", "select_one", "select_value", "select_values", "select_rows", "exec_update", "exec_delete",
        "exec_insert", "execute_sql", "executeQuery", "executeUpdate", "none", "any", "many", "one", "oneOrNone", "manyOrNone",
        "result", "$executeRawUnsafe", "$queryRawUnsafe", "$executeRaw", "$queryRaw", "selectall_arrayref", "selectrow_array",
        "selectrow_hashref", "selectall_hashref", "selectcol_arrayref", "selectrow_arrayref", "multi_query", "real_query",
        "exec_driver_sql", "execSQL", "rawQuery", "sql", "fetch", "fetchall", "fetchone", "fetchval", "fetchrow", "copy_expert",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Methods that take SQL and whose non-literal argument is itself a reason to fail closed.</summary>
    public static readonly FrozenSet<string> StrictSqlMethods = new[] { "execute", "executemany", "executescript", "exec_driver_sql" }
        .ToFrozenSet(StringComparer.Ordinal);
}
