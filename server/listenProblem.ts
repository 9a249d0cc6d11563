import { StartupProblem } from './startupProblem';

/** Why the HTTP server could not listen, said for the operator who set PORT and HOST. */
export function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupProblem(`端口 ${port} 已被占用：请换一个 PORT，或先停止占用它的程序`);
    case 'EACCES':
      return new StartupProblem(`没有权限监听端口 ${port}：1024 以下的端口需要管理员权限，请换一个 PORT（如 3000）`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
      return new StartupProblem(
        `HOST=${host} 不是本机的地址：请设为本机的一个 IP 地址，或 0.0.0.0（所有地址）、127.0.0.1（仅本机）`,
      );
    default:
      return error;
  }
}
