import { Heading } from 'smarthr-ui'

export function App() {
  return <Heading>Mamori</Heading>
}
