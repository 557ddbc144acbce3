// On a phone: a compact step indicator (one segment per step, the step's name in words) instead of the
// step bar, which wraps one character per line at 390 px; and 上一步/下一步 to move between the steps.
import { Button, Flex, Typography } from "antd";
import { flowSteps } from "./flow";

export function StepIndicator({ current, shown, onShow }: { current: number; shown: number; onShow: (step: number) => void }) {
  return (
    <nav className="ky-case-stepper" aria-label="办案步骤">
      <Typography.Text strong data-testid="case-step">
        第 {shown + 1} 步（共 {flowSteps.length} 步）：{flowSteps[shown]}
        {shown === current ? null : <Typography.Text type="secondary">　当前进行到：{flowSteps[current]}</Typography.Text>}
      </Typography.Text>
      <ol>
        {flowSteps.map((title, i) => (
          <li key={title} className={i < current ? "done" : i === current ? "current" : undefined}>
            <button
              type="button"
              aria-label={`${title}${i < current ? "（已完成）" : i === current ? "（当前步骤）" : ""}`}
              aria-current={i === shown ? "step" : undefined}
              onClick={() => onShow(i)}
            />
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function StepButtons({ shown, onShow }: { shown: number; onShow: (step: number) => void }) {
  return (
    <Flex gap={8} className="ky-case-step-buttons">
      <Button size="large" disabled={shown === 0} onClick={() => onShow(shown - 1)} style={{ flex: 1 }}>
        上一步{shown > 0 ? `：${flowSteps[shown - 1]}` : ""}
      </Button>
      <Button size="large" disabled={shown === flowSteps.length - 1} onClick={() => onShow(shown + 1)} style={{ flex: 1 }}>
        下一步{shown < flowSteps.length - 1 ? `：${flowSteps[shown + 1]}` : ""}
      </Button>
    </Flex>
  );
}
