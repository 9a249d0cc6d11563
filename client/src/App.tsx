import { lazy, ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout';
import { LiveProvider } from './lib/live';
import { SessionProvider, useSession } from './lib/session';
import type { Role } from './lib/types';
import { homeOf } from './navigation';
import { DraftEditorPage } from './pages/DraftEditorPage';
import { DraftListPage } from './pages/DraftListPage';
import { DraftPage } from './pages/DraftPage';
import { AccountSecurityPage } from './pages/AccountSecurityPage';
import { LoginPage } from './pages/LoginPage';
import { PasswordPage } from './pages/PasswordPage';
import { QueuePage } from './pages/QueuePage';
import { RescreenPage } from './pages/RescreenPage';
import { ReviewPage } from './pages/ReviewPage';
import { TotpEnrolPage } from './pages/TotpEnrolPage';
import { AuditPage } from './pages/admin/AuditPage';
import { SettingsPage } from './pages/admin/SettingsPage';
import { UnitsPage } from './pages/admin/UnitsPage';
import { UsersPage } from './pages/admin/UsersPage';
import { PublicationsPage } from './pages/publications/PublicationsPage';
import { PublishPage } from './pages/publications/PublishPage';
import { AccountNewPage } from './pages/registry/AccountNewPage';
import { AccountPage } from './pages/registry/AccountPage';
import { AccountsPage } from './pages/registry/AccountsPage';
import { ChangesPage } from './pages/registry/ChangesPage';
import { RulesPage } from './pages/rules/RulesPage';
import { WordListPage } from './pages/rules/WordListPage';

// The charts library is large: the dashboard loads it only when opened.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const MonthlyReportPage = lazy(() => import('./pages/reports/MonthlyReportPage').then((m) => ({ default: m.MonthlyReportPage })));

/** Roles that take part in the account registry, publications and reports (not the security admin: 三员分立). */
const REGISTRY: Role[] = ['editor', 'reviewer', 'sysadmin', 'auditor'];

function Only({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (!user) return null;
  if (!roles.includes(user.role)) return <p className="error">您的角色不能使用此页面。</p>;
  return <>{children}</>;
}

function SignedIn() {
  const { user, pendingStep, expired } = useSession();
  const location = useLocation();
  // A session the server ended comes back here after signing in again (an unsent draft is restored
  // there); after the user's own logout the next person starts at their own home page.
  if (!user) return <Navigate to="/login" replace state={expired ? { from: `${location.pathname}${location.search}` } : null} />;
  if (pendingStep === 'change_password' || user.mustChangePassword) return <PasswordPage />;
  if (pendingStep === 'enrol_totp') return <TotpEnrolPage />;
  return (
    <LiveProvider userId={user.id}>
      <Layout>
        <Suspense fallback={<p className="muted">正在加载…</p>}>
          <Routes>
            <Route path="/" element={<Navigate to={homeOf(user.role)} replace />} />
            <Route path="/drafts" element={<Only roles={['editor', 'reviewer']}><DraftListPage /></Only>} />
            <Route path="/drafts/new" element={<Only roles={['editor']}><DraftEditorPage /></Only>} />
            <Route path="/drafts/:id" element={<Only roles={['editor', 'reviewer']}><DraftPage /></Only>} />
            <Route path="/drafts/:id/edit" element={<Only roles={['editor']}><DraftEditorPage /></Only>} />
            <Route path="/queue" element={<Only roles={['reviewer']}><QueuePage /></Only>} />
            <Route path="/review/:id" element={<Only roles={['reviewer']}><ReviewPage /></Only>} />
            <Route path="/drafts/:id/publish" element={<Only roles={['editor']}><PublishPage /></Only>} />
            <Route path="/rescreens" element={<Only roles={['secadmin']}><RescreenPage /></Only>} />
            <Route path="/wordlists" element={<Only roles={['secadmin']}><WordListPage /></Only>} />
            <Route path="/rules" element={<Only roles={['secadmin']}><RulesPage /></Only>} />
            <Route path="/rules/:kind" element={<Only roles={['secadmin']}><RulesPage /></Only>} />
            <Route path="/review-policy" element={<Only roles={['secadmin']}><UnitsPage /></Only>} />
            <Route path="/users" element={<Only roles={['sysadmin']}><UsersPage /></Only>} />
            <Route path="/units" element={<Only roles={['sysadmin']}><UnitsPage /></Only>} />
            <Route path="/settings" element={<Only roles={['sysadmin']}><SettingsPage /></Only>} />
            <Route path="/audit" element={<Only roles={['auditor']}><AuditPage /></Only>} />
            <Route path="/accounts" element={<Only roles={REGISTRY}><AccountsPage /></Only>} />
            <Route path="/accounts/new" element={<Only roles={['editor', 'sysadmin']}><AccountNewPage /></Only>} />
            <Route path="/accounts/:id" element={<Only roles={REGISTRY}><AccountPage /></Only>} />
            <Route path="/registry/changes" element={<Only roles={REGISTRY}><ChangesPage /></Only>} />
            <Route path="/publications" element={<Only roles={REGISTRY}><PublicationsPage /></Only>} />
            <Route path="/reports/monthly" element={<Only roles={REGISTRY}><MonthlyReportPage /></Only>} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/account" element={<AccountSecurityPage />} />
            <Route path="*" element={<p className="muted">没有这个页面。</p>} />
          </Routes>
        </Suspense>
      </Layout>
    </LiveProvider>
  );
}

function Root() {
  const { user, loading } = useSession();
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  if (loading) return <p className="muted center">正在加载…</p>;
  return (
    <Routes>
      <Route path="/login" element={user ? <Navigate to={typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/'} replace /> : <LoginPage />} />
      <Route path="*" element={<SignedIn />} />
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Root />
      </SessionProvider>
    </BrowserRouter>
  );
}
