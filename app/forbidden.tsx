import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">You don&apos;t have access to this page</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        It needs the admin role. Ask an admin of your workspace to change your role if you need it.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
