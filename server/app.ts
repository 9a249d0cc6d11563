import fs from 'node:fs';
import path from 'node:path';
import express, { Express, RequestHandler } from 'express';
import helmet from 'helmet';
import { projectRoot } from '../workers/lib/projectRoot';
import { Screener } from '../workers/threads/Screener';
import { env } from './env';
import { errorHandler } from './errors';
import { auditDenials } from './middlewares/auditDenials';
import { authenticate, rolesOnly } from './middlewares/authenticate';
import { csrfProtection } from './middlewares/csrf';
import { rateLimits } from './middlewares/rateLimits';
import { requestContext } from './middlewares/requestContext';
import { registryRoutes } from './routes/accounts/registryRoutes';
import { accountRoutes } from './routes/accounts/routes';
import { auditRoutes } from './routes/audit/routes';
import { claimRoutes } from './routes/claims/routes';
import { dashboardRoutes } from './routes/dashboard/routes';
import { draftRoutes } from './routes/drafts/routes';
import { healthRoutes } from './routes/health';
import { publicationRoutes } from './routes/publications/routes';
import { queueRoutes } from './routes/queue/routes';
import { reportRoutes } from './routes/reports/routes';
import { rescreenRoutes } from './routes/rescreens/routes';
import { revisionRoutes } from './routes/revisions/routes';
import { ruleRoutes } from './routes/rules/routes';
import { screenRoutes } from './routes/screen/routes';
import { sessionRoutes } from './routes/session/routes';
import { unitRoutes } from './routes/units/routes';
import { userRoutes } from './routes/users/routes';
import { wordListRoutes } from './routes/wordLists/routes';

export interface AppDependencies {
  session: RequestHandler;
  /** The pre-check's screener (started in the background: the first pre-check may wait for it). */
  screener: () => Promise<Screener>;
}

/** Serves the built console, with index.html for every client-side route. */
function consoleRoutes(): RequestHandler[] {
  const dist = path.join(projectRoot(), 'dist', 'client');
  const index = path.join(dist, 'index.html');
  return [
    express.static(dist, { index: false, maxAge: '1h' }),
    (req, res, next) => {
      // HEAD as GET (uptime checks send it); sendFile leaves the body out.
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || !fs.existsSync(index)) return next();
      res.sendFile(index);
    },
  ];
}

/** The HTTP application: one way through for every request (context → session → CSRF → auth → route → errors). */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', env().TRUST_PROXY);
  app.use(requestContext);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'https:', 'http:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          frameSrc: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use(express.json({ limit: '4mb' }));
  app.use('/api/health', healthRoutes());
  app.use('/api', deps.session, csrfProtection);
  app.use('/api/session', sessionRoutes());
  app.use('/api/drafts', authenticate, rolesOnly(['editor', 'reviewer'], '管理员和审计员不处理稿件（三员分立）'), rateLimits().submission, draftRoutes());
  app.use('/api/drafts', authenticate, claimRoutes());
  app.use('/api/drafts', authenticate, revisionRoutes());
  app.use('/api/queue', authenticate, queueRoutes());
  app.use('/api/dashboard', authenticate, dashboardRoutes());
  app.use('/api/screen', authenticate, screenRoutes(deps.screener));
  app.use('/api/rescreens', authenticate, rescreenRoutes());
  app.use('/api/rules', authenticate, ruleRoutes());
  app.use('/api/terms', authenticate, wordListRoutes('terms'));
  app.use('/api/allow-words', authenticate, wordListRoutes('allow-words'));
  app.use('/api/users', authenticate, userRoutes());
  app.use('/api/units', authenticate, unitRoutes());
  app.use('/api/audit', authenticate, auditRoutes());
  app.use('/api/accounts', authenticate, accountRoutes());
  app.use('/api/registry', authenticate, registryRoutes());
  app.use('/api/publications', authenticate, publicationRoutes());
  app.use('/api/reports', authenticate, reportRoutes());
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { id: 'not_found', message: '没有这个接口' } });
  });
  app.use(...consoleRoutes());
  app.use(auditDenials);
  app.use(errorHandler);
  return app;
}
