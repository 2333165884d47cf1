// Shown instead of the lab when the page was opened without a way to reach a lab host.

export function NoHostMessage({ message }: { message: string }) {
  return (
    <div className="app">
      <p className="notice notice-error" role="alert">
        {message}
      </p>
    </div>
  )
}
