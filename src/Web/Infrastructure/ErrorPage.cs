using System.Text.Encodings.Web;

namespace ParIndex.Web.Infrastructure;

/// <summary>The error page, written without the page pipeline (it must work when that pipeline failed).</summary>
public static class ErrorPage
{
    public static string Render(int status, string heading, string message)
    {
        var h = HtmlEncoder.Default;
        return $$"""
            <!doctype html>
            <html lang="vi">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{status}} — {{h.Encode(heading)}} — ParIndex</title>
            <link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css"><link rel="stylesheet" href="/css/site.css"></head>
            <body>
            <header class="pi-header"><nav class="navbar navbar-dark"><div class="container-xl">
            <a class="navbar-brand" href="/"><span class="pi-emblem" aria-hidden="true">★</span><span class="pi-brand">ParIndex</span>
            <span class="pi-brand-sub">Chỉ số cải cách hành chính</span></a></div></nav></header>
            <main class="container-xl py-5">
              <div class="pi-error card"><div class="card-body">
                <p class="pi-error-code">{{status}}</p>
                <h1 class="h3">{{h.Encode(heading)}}</h1>
                <p class="text-secondary">{{h.Encode(message)}}</p>
                <a class="btn btn-primary" href="/">Về trang chủ</a>{{(status == 403 ? "\n                <a class=\"btn btn-outline-primary ms-2\" href=\"/dang-xuat\">Đăng nhập bằng tài khoản khác</a>" : "")}}
              </div></div>
            </main>
            </body></html>
            """;
    }
}
