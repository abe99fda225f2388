using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Accounts;

namespace ParIndex.Silo.Cli;

/// <summary>
/// `users add`: how the first administrator (and anyone else) gets an account; `users grant` and
/// `users revoke` change its roles, which ends its sessions (it signs in again with the new roles).
/// </summary>
internal static class UserCommands
{
    public const string PasswordVariable = "PARINDEX_PASSWORD";

    public static Command Create(CliApp app)
    {
        var users = new Command("users", "Quản lý người dùng.");
        var userName = new Option<string>("--username") { Description = "Tên đăng nhập (a-z, 0-9, . _ -).", Required = true };
        var name = new Option<string>("--name") { Description = "Họ tên.", Required = true };
        var role = new Option<Role>("--role") { Description = "ProvinceAdmin, Appraiser, DistrictAdmin, UnitEditor, Viewer hoặc SystemAdmin (quản trị hệ thống).", Required = true };
        var scope = new Option<string>("--scope") { Description = "Mã đơn vị: vai trò áp dụng cho đơn vị này và các đơn vị trực thuộc.", Required = true };
        var groups = new Option<string?>("--groups") { Description = "Với Appraiser: chỉ các nhóm xếp hạng này (phân cách bằng dấu phẩy)." };
        var add = app.WithDatabase(new Command("add",
            $"Thêm người dùng. Mật khẩu đọc từ biến môi trường {PasswordVariable}, nếu không có thì từ dòng đầu của đầu vào chuẩn (không bao giờ từ dòng lệnh).")
            { userName, name, role, scope, groups });
        add.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? await app.Input.ReadLineAsync(ct) ?? "";
            var only = parse.GetValue(groups)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var account = await services.GetRequiredService<AccountService>().AddAsync(parse.GetValue(userName)!, parse.GetValue(name)!, password,
                [new RoleGrant(parse.GetValue(role), parse.GetValue(scope)!, only)], ct);
            await app.Output.WriteLineAsync($"Đã tạo người dùng {account.UserName} ({account.DisplayName}): {parse.GetValue(role)} tại {parse.GetValue(scope)}.");
            return CliApp.Ok;
        }));
        users.Subcommands.Add(add);
        users.Subcommands.Add(Grant(app, userName, role, scope, groups));
        users.Subcommands.Add(Revoke(app, userName, role, scope));
        return users;
    }

    private static Command Grant(CliApp app, Option<string> userName, Option<Role> role, Option<string> scope, Option<string?> groups)
    {
        var grant = app.WithDatabase(new Command("grant", "Thêm một vai trò cho người dùng; các phiên đăng nhập của người đó kết thúc.") { userName, role, scope, groups });
        grant.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var only = parse.GetValue(groups)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var account = await services.GetRequiredService<AccountService>().GrantAsync(parse.GetValue(userName)!, new RoleGrant(parse.GetValue(role), parse.GetValue(scope)!, only), ct);
            await app.Output.WriteLineAsync($"Đã thêm vai trò {parse.GetValue(role)} tại {parse.GetValue(scope)} cho {account.UserName}; người này cần đăng nhập lại.");
            return CliApp.Ok;
        }));
        return grant;
    }

    private static Command Revoke(CliApp app, Option<string> userName, Option<Role> role, Option<string> scope)
    {
        var revoke = app.WithDatabase(new Command("revoke", "Bỏ một vai trò của người dùng; các phiên đăng nhập của người đó kết thúc ngay.") { userName, role, scope });
        revoke.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var account = await services.GetRequiredService<AccountService>().RevokeAsync(parse.GetValue(userName)!, parse.GetValue(role), parse.GetValue(scope)!, ct);
            await app.Output.WriteLineAsync($"Đã bỏ vai trò {parse.GetValue(role)} tại {parse.GetValue(scope)} của {account.UserName}; người này cần đăng nhập lại.");
            return CliApp.Ok;
        }));
        return revoke;
    }
}
